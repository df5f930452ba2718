import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch as useQueryString } from 'wouter';
import { hasRole, useMe } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { searchHref, searchLocation } from './search-links';
import { SEARCH_KINDS, useSearch, type SearchItem, type SearchKind } from './search.queries';

function ResultTitle({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  if (item.kind === 'comment') return <>{t('search.inTask', { title: item.title })}</>;
  if (item.kind === 'meeting')
    return <>{t('search.meetingNumber', { n: item.number ?? 1, title: item.title })}</>;
  return <>{item.title}</>;
}

/** /search?q=…&kind=…: what the person may read that holds every word, best match first. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useQueryString());
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind') as SearchKind | null;
  const kind = kindParam && SEARCH_KINDS.includes(kindParam) ? kindParam : undefined;
  const results = useSearch(q, kind);
  const { data: me } = useMe();
  // Officers find the workshops their agency attended but have no workshop page to open.
  const opens = (item: SearchItem) =>
    !(item.kind === 'workshop' && !hasRole(me, 'bureau_head') && !hasRole(me, 'auditor'));
  const [draft, setDraft] = useState({ q, kind: kind ?? '' });
  const [from, setFrom] = useState(`${q}|${kind ?? ''}`);
  if (from !== `${q}|${kind ?? ''}`) {
    setFrom(`${q}|${kind ?? ''}`);
    setDraft({ q, kind: kind ?? '' });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(searchLocation(draft.q, draft.kind || undefined));
  }

  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading>{q ? t('search.resultsFor', { q }) : t('search.title')}</PageHeading>
      <form className="filters" onSubmit={submit} aria-label={t('search.title')}>
        <div className="field field-grow">
          <label htmlFor="search-q">{t('search.field')}</label>
          <input
            id="search-q"
            type="search"
            value={draft.q}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="search-kind">{t('search.kind')}</label>
          <select
            id="search-kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">{t('search.allKinds')}</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`search.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </button>
      </form>
      {q.trim() === '' ? (
        <p>{t('search.prompt')}</p>
      ) : results.isError ? (
        <LoadError error={results.error} retry={() => void results.refetch()} />
      ) : results.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p role="status">{t('search.none', { q })}</p>
      ) : (
        <>
          <h2 className="visually-hidden">{t('search.caption')}</h2>
          <ol className="search-results" aria-label={t('search.caption')}>
            {items.map((item) => (
              <li key={`${item.kind}:${item.id}:${item.number ?? ''}`} className="search-result">
                <span className={`badge badge-kind badge-kind-${item.kind}`}>
                  {t(`search.kinds.${item.kind}`)}
                </span>{' '}
                {opens(item) ? (
                  <Link href={searchHref(item)} className="search-result-title">
                    <ResultTitle item={item} />
                  </Link>
                ) : (
                  <span className="search-result-title">
                    <ResultTitle item={item} />
                  </span>
                )}
                {item.snippet !== item.title && <p className="search-snippet">{item.snippet}</p>}
                <p className="search-meta">
                  {t('search.changed', { at: formatDateTime(item.changedAt, i18n.language) })}
                </p>
              </li>
            ))}
          </ol>
          {results.hasNextPage && (
            <div className="button-row">
              <button
                type="button"
                className="btn btn-secondary"
                disabled={results.isFetchingNextPage}
                onClick={() => void results.fetchNextPage()}
              >
                {t('search.more')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
