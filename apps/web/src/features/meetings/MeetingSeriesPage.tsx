import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { hasRole, useMe } from '../../api/session';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { SmallForm } from '../../ui/SmallForm';
import { startsAtOf } from './meeting-form';
import { MeetingSection } from './MeetingSection';
import { useMeetingCommands, useMeetingPeople, useMeetingSeries } from './meetings.queries';

function ScheduleForm({ seriesId }: { seriesId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useMeetingCommands();
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('60');
  const [location, setLocation] = useState('');
  return (
    <SmallForm
      label={t('meetings.schedule')}
      doneMessage={t('meetings.scheduled')}
      onSubmit={async () => {
        if (startsAt === '') throw new Error(t('field.required'));
        await commands.schedule(seriesId, {
          startsAt: startsAtOf(startsAt),
          durationMinutes: Number(duration) || 60,
          ...(location.trim() && { location: location.trim() }),
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('meetings.startsAt')}</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-duration`}>{t('meetings.duration')}</label>
        <input
          id={`${id}-duration`}
          type="number"
          min={5}
          max={1440}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-location`}>{t('meetings.location')}</label>
        <input
          id={`${id}-location`}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
        />
      </div>
    </SmallForm>
  );
}

/** /meeting-series/:id: a working-level meeting series with each of its meetings. */
export function MeetingSeriesPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const series = useMeetingSeries(id);
  const people = useMeetingPeople(id);

  // A link to one meeting (#meeting-2, from search) scrolls to it once the page is there.
  const loaded = series.isSuccess;
  useEffect(() => {
    if (loaded && window.location.hash) {
      document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
    }
  }, [loaded]);

  if (series.isPending) return <p role="status">{t('app.loading')}</p>;
  if (series.isError) return <LoadError error={series.error} retry={() => void series.refetch()} />;
  const s = series.data;
  const canRun = hasRole(me, 'bureau_head') && me?.person.agency === s.hostAgency;
  const agencies = [s.hostAgency, ...s.attendingAgencies];

  return (
    <article>
      <p className="eyebrow">{t('meetings.title')}</p>
      <PageHeading>{s.title}</PageHeading>
      <section aria-labelledby="series-details" className="panel">
        <h2 id="series-details">{t('meetings.details')}</h2>
        <dl className="details">
          <dt>{t('followUp.host')}</dt>
          <dd>{s.hostAgency}</dd>
          <dt>{t('workshops.attending')}</dt>
          <dd>{s.attendingAgencies.join(', ') || '—'}</dd>
          {hasRole(me, 'agency_officer') ? null : (
            <>
              <dt>{t('meetings.workshop')}</dt>
              <dd>
                <Link href={`/workshops/${s.workshopId}`}>{t('workshops.title')}</Link>
              </dd>
            </>
          )}
        </dl>
        <div className="report-links no-print">
          <a
            href={`/v1/meeting-series/${encodeURIComponent(id)}/calendar.ics`}
            download
            className="btn btn-secondary btn-small btn-link-button"
          >
            {t('meetings.calendar')}
          </a>
        </div>
        {canRun && <ScheduleForm seriesId={id} />}
      </section>
      {s.meetings.length === 0 ? (
        <p>{t('meetings.none')}</p>
      ) : (
        s.meetings.map((m) => (
          <MeetingSection
            key={m.number}
            seriesId={id}
            meeting={m}
            people={people.data?.items ?? []}
            agencies={agencies}
            canRun={canRun}
          />
        ))
      )}
    </article>
  );
}
