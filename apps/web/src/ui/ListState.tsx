import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from './ErrorState';

/** What a list needs of its query (TanStack's result has it). */
interface ListRead {
  isError: boolean;
  isPending: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/**
 * A list as its read stands: the failure with a retry, loading, the words for an empty list, or
 * the list itself.
 */
export function ListState<T>({
  read,
  items,
  empty,
  announceEmpty = false,
  children,
}: {
  read: ListRead;
  /** The read's items; undefined until it has answered. */
  items: T[] | undefined;
  /** Without it an empty list is drawn as any other (a table of no rows). */
  empty?: string;
  /** Said aloud when a filter on the page empties the list. */
  announceEmpty?: boolean;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (read.isError) return <LoadError error={read.error} retry={() => void read.refetch()} />;
  if (read.isPending || !items) return <p role="status">{t('app.loading')}</p>;
  if (empty !== undefined && items.length === 0) {
    return <p role={announceEmpty ? 'status' : undefined}>{empty}</p>;
  }
  return children(items);
}
