import { useTranslation } from 'react-i18next';
import type { BoardFilters } from '../board/board-filters';
import { boardReportUrl, progressReportUrl, type ReportFormat } from './report-urls';

const FORMATS: readonly ReportFormat[] = ['xlsx', 'csv'];

function Links({
  label,
  hint,
  href,
}: {
  label: string;
  hint?: string;
  href: (f: ReportFormat) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="report-links no-print" role="group" aria-label={label}>
      {FORMATS.map((format) => (
        // A plain link: the browser downloads with the session cookie (a GET needs no CSRF token).
        <a
          key={format}
          href={href(format)}
          download
          className="btn btn-secondary btn-small btn-link-button"
        >
          {t(`reports.${format}`)}
        </a>
      ))}
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}

/** 보고서 내려받기 for the board, with the filters on the page. */
export function BoardReportLinks({ filters }: { filters: BoardFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  return (
    <Links
      label={t('reports.download')}
      hint={t('reports.boardHint')}
      href={(format) => boardReportUrl(filters, format, lang)}
    />
  );
}

/** A workshop's progress report (이행 현황 보고서). */
export function ProgressReportLinks({ workshopId }: { workshopId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  return (
    <Links
      label={t('reports.progress')}
      href={(format) => progressReportUrl(workshopId, format, lang)}
    />
  );
}
