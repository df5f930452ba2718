import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type FollowUpHistory } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { ListState } from '../../ui/ListState';

type Entry = FollowUpHistory['items'][number];

export function useFollowUpHistory(id: string) {
  return useQuery({
    queryKey: ['follow-up', id, 'history'],
    queryFn: () =>
      unwrap<FollowUpHistory>(api.GET('/v1/follow-ups/{id}/history', { params: { path: { id } } })),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** What a person wrote with the step, shown under it. */
function writtenWith(entry: Entry): string | undefined {
  const { note, response, reason } = entry.data as Record<string, unknown>;
  const text = note ?? response ?? reason;
  return typeof text === 'string' ? text : undefined;
}

/** The task's history, oldest first: what happened, who did it (and for whom), when. */
export function Timeline({ id, viewerId }: { id: string; viewerId?: string }) {
  const { t, i18n } = useTranslation();
  const history = useFollowUpHistory(id);

  const language = i18n.language === 'en' ? 'en' : 'ko';
  const nameOf = (id: string) => history.data?.people[id]?.[language];

  function who(entry: Entry): string {
    if (entry.actor.id === viewerId) return t('timeline.you');
    if (entry.actor.role === 'system') return t('timeline.system');
    const role = t(`role.${entry.actor.role}`, { defaultValue: entry.actor.role });
    const title = entry.actor.agency
      ? t('timeline.roleAt', { role, agency: entry.actor.agency })
      : role;
    const name = nameOf(entry.actor.id);
    return name ? `${name} (${title})` : title;
  }

  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      <ListState read={history} items={history.data?.items} empty={t('timeline.empty')}>
        {(items) => (
          <ol className="timeline">
            {items.map((entry) => {
              const text = writtenWith(entry);
              return (
                <li key={entry.version}>
                  <p className="timeline-what">
                    <strong>{t(`event.${entry.type}`, { defaultValue: entry.type })}</strong>
                    {' · '}
                    {who(entry)}
                    {entry.onBehalfOf &&
                      ` · ${t('timeline.onBehalfOf', { name: nameOf(entry.onBehalfOf) ?? entry.onBehalfOf })}`}
                  </p>
                  <p className="timeline-when">
                    <time dateTime={entry.recordedAt}>
                      {formatDateTime(entry.recordedAt, i18n.language)}
                    </time>
                  </p>
                  {text && <p className="prose timeline-text">{text}</p>}
                </li>
              );
            })}
          </ol>
        )}
      </ListState>
    </section>
  );
}
