import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { rememberPosition } from './fresh-reads';

interface FollowUpChange {
  followUpId: string;
  status: string;
  version: number;
  position: number;
}

/**
 * Live pages: the API's event stream (GET /v1/live) names each change to a task this person
 * may see; the lists and the task refetch, reading at that position so they show it. The
 * browser reconnects by itself after a drop.
 */
export function useLiveChanges(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/v1/live');
    source.addEventListener('follow-up', (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as FollowUpChange;
      rememberPosition(change.position);
      void client.invalidateQueries({ queryKey: ['inbox'] });
      void client.invalidateQueries({ queryKey: ['board'] });
      void client.invalidateQueries({ queryKey: ['follow-up', change.followUpId] });
    });
    // the session (or role) that opened the stream has ended: stop, and let the reads find out
    // (a 401 takes the page to sign-in) instead of reconnecting into a refusal
    source.addEventListener('ended', () => {
      source.close();
      void client.invalidateQueries();
    });
    return () => source.close();
  }, [client, enabled]);
}
