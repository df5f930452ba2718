import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch as useQueryString } from 'wouter';
import { searchLocation } from './search-links';

/** The masthead's search box (role="search"): it opens the results page with the words. */
export function SiteSearch() {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const queryString = useQueryString();
  // On the results page the box shows what was searched.
  const current = location === '/search' ? (new URLSearchParams(queryString).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  const [shown, setShown] = useState(current);
  if (current !== shown) {
    setShown(current);
    setQ(current);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim() === '') return;
    navigate(searchLocation(q));
  }

  return (
    <form role="search" aria-label={t('search.label')} className="site-search" onSubmit={submit}>
      <label htmlFor="site-search-q" className="visually-hidden">
        {t('search.field')}
      </label>
      <input
        id="site-search-q"
        type="search"
        value={q}
        maxLength={100}
        placeholder={t('search.field')}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit" className="btn btn-secondary btn-small">
        {t('search.submit')}
      </button>
    </form>
  );
}
