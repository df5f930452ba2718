import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { SmallForm } from '../../ui/SmallForm';
import { SeriesTable } from './MeetingSeriesListPage';
import { useMeetingCommands, useMeetingSeriesList } from './meetings.queries';

/** A workshop's working-level meeting series, and (for its host) starting one from an action. */
export function WorkshopMeetings({
  workshopId,
  actions,
  canRun,
}: {
  workshopId: string;
  actions: { id: string; description: string }[];
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const list = useMeetingSeriesList(workshopId);
  const commands = useMeetingCommands();
  const [actionId, setActionId] = useState('');
  const [title, setTitle] = useState('');
  const items = list.data?.items ?? [];

  return (
    <section aria-labelledby="ws-meetings" className="panel">
      <h2 id="ws-meetings">{t('meetings.ofWorkshop')}</h2>
      {items.length === 0 ? (
        <p>{list.isPending ? t('app.loading') : t('meetings.empty')}</p>
      ) : (
        <SeriesTable items={items} caption={t('meetings.ofWorkshop')} />
      )}
      {canRun && actions.length > 0 && (
        <SmallForm
          label={t('meetings.start')}
          doneMessage={t('meetings.started')}
          onSubmit={async () => {
            if (actionId === '') throw new Error(t('field.required'));
            const started = await commands.start({
              workshopId,
              actionId,
              ...(title.trim() && { title: title.trim() }),
            });
            navigate(`/meeting-series/${started.id}`);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('meetings.startFrom')}</label>
            <select
              id={`${id}-action`}
              value={actionId}
              onChange={(e) => setActionId(e.target.value)}
            >
              <option value="">{t('workshops.choose')}</option>
              {actions.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.description}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('meetings.seriesTitle')}</label>
            <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
        </SmallForm>
      )}
    </section>
  );
}
