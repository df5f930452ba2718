import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyOptions } from '../../ui/AgencyOptions';
import { ALL_STATUSES, BOARD_SORTS, type BoardFilters } from './board-filters';
import type { Agency } from '../../api/agencies';

/** The board's filters and sort as a labelled form; applying starts again at the first page. */
export function BoardFiltersForm({
  value,
  agencies,
  onApply,
}: {
  value: BoardFilters;
  agencies: readonly Agency[];
  onApply: (filters: BoardFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<BoardFilters>(value);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { cursor: _cursor, ...rest } = draft;
    onApply(rest);
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={t('board.filters')}>
      <div className="field">
        <label htmlFor="board-agency">{t('board.agency')}</label>
        <select
          id="board-agency"
          value={draft.agency ?? ''}
          onChange={(e) => setDraft({ ...draft, agency: e.target.value || undefined })}
        >
          <option value="">{t('board.anyAgency')}</option>
          <AgencyOptions agencies={agencies} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-status">{t('board.status')}</label>
        <select
          id="board-status"
          value={draft.status ?? ''}
          onChange={(e) =>
            setDraft({
              ...draft,
              status: (e.target.value || undefined) as BoardFilters['status'],
            })
          }
        >
          <option value="">{t('board.anyStatus')}</option>
          {ALL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-sort">{t('board.sort')}</label>
        <select
          id="board-sort"
          value={draft.sort}
          onChange={(e) => setDraft({ ...draft, sort: e.target.value as BoardFilters['sort'] })}
        >
          {BOARD_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`board.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-order">{t('board.order')}</label>
        <select
          id="board-order"
          value={draft.order}
          onChange={(e) => setDraft({ ...draft, order: e.target.value as 'asc' | 'desc' })}
        >
          <option value="asc">{t('board.asc')}</option>
          <option value="desc">{t('board.desc')}</option>
        </select>
      </div>
      <div className="field field-check">
        <input
          id="board-overdue"
          type="checkbox"
          checked={draft.overdue}
          onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
        />
        <label htmlFor="board-overdue">{t('board.overdueOnly')}</label>
      </div>
      <button type="submit" className="btn btn-primary">
        {t('board.apply')}
      </button>
    </form>
  );
}
