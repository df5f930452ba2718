import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { minPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';
import { DataTable } from '../../ui/DataTable';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';

type Workload = components['schemas']['AgencyWorkloadPageDto'];
type Line = Workload['items'][number];

export function useWorkload() {
  return useQuery({
    queryKey: ['board', 'workload'], // refreshed with the board after a change
    queryFn: () =>
      unwrap<Workload>(
        api.GET('/v1/agencies/workload', { params: { query: { ...minPosition() } } }),
      ),
  });
}

/** The three parts each bar is made of, in the order drawn. */
export function segments(line: Line) {
  const done = line.byStatus.accepted ?? 0;
  return { overdue: line.overdue, onTime: line.open - line.overdue, done };
}

const ROW = 36;
const LABEL = 72;
const WIDTH = 640;
const COLOURS = {
  overdue: 'var(--krds-light-color-border-danger)',
  onTime: 'var(--krds-light-color-button-primary-fill)',
  done: 'var(--krds-light-color-border-success)',
} as const;

/** Stacked bars per agency, drawn as SVG; the table under it says the same in numbers. */
function WorkloadChart({ lines }: { lines: readonly Line[] }) {
  const { t } = useTranslation();
  const most = Math.max(1, ...lines.map((l) => l.open + (l.byStatus.accepted ?? 0)));
  const scale = (WIDTH - LABEL - 16) / most;
  return (
    <svg
      role="img"
      aria-label={t('dashboard.chart')}
      viewBox={`0 0 ${WIDTH} ${lines.length * ROW + 8}`}
      className="chart"
    >
      {lines.map((line, i) => {
        let x = LABEL;
        const parts = segments(line);
        return (
          <g key={line.agency} transform={`translate(0, ${i * ROW + 4})`}>
            <text x={0} y={ROW / 2 + 5} className="chart-label">
              {line.agency}
            </text>
            {(Object.keys(parts) as (keyof typeof parts)[]).map((part) => {
              const width = parts[part] * scale;
              const rect = (
                <rect key={part} x={x} y={4} width={width} height={ROW - 12} fill={COLOURS[part]} />
              );
              x += width;
              return rect;
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The bureau head's picture of the work: overdue and workload per agency. */
export function DashboardPage() {
  const { t } = useTranslation();
  const workload = useWorkload();
  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <section aria-labelledby="workload-heading" className="panel">
        <h2 id="workload-heading">{t('dashboard.workload')}</h2>
        {workload.isError ? (
          <LoadError error={workload.error} retry={() => void workload.refetch()} />
        ) : workload.isPending ? (
          <p role="status">{t('app.loading')}</p>
        ) : workload.data.items.length === 0 ? (
          <p>{t('dashboard.empty')}</p>
        ) : (
          <>
            <ul className="legend" aria-hidden="true">
              {(['overdue', 'onTime', 'done'] as const).map((part) => (
                <li key={part}>
                  <span className={`swatch swatch-${part}`} /> {t(`dashboard.${part}`)}
                </li>
              ))}
            </ul>
            <WorkloadChart lines={workload.data.items} />
            <DataTable
              caption={t('dashboard.caption')}
              columns={[
                t('column.assignee'),
                t('dashboard.overdue'),
                t('dashboard.open'),
                t('dashboard.done'),
                t('dashboard.total'),
              ]}
            >
              {workload.data.items.map((line) => (
                <tr key={line.agency}>
                  <th scope="row">{line.agency}</th>
                  <td>{line.overdue}</td>
                  <td>{line.open}</td>
                  <td>{segments(line).done}</td>
                  <td>{line.total}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>
    </>
  );
}
