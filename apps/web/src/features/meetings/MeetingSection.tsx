import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate, formatDateTime } from '../../i18n/format';
import { OverdueBadge, StatusBadge } from '../../ui/Badges';
import { DataTable } from '../../ui/DataTable';
import { SmallForm } from '../../ui/SmallForm';
import type { FollowUp } from '../../api/client';
import { HoldMeetingForm } from './HoldMeetingForm';
import { useMeetingCommands, type Meeting, type MeetingPerson } from './meetings.queries';

/** One meeting of a series: when and where, and once held its attendees, minutes, decisions and
 * agenda (the open follow-ups, those carried over from an earlier meeting marked). */
export function MeetingSection({
  seriesId,
  meeting,
  people,
  agencies,
  canRun,
}: {
  seriesId: string;
  meeting: Meeting;
  people: readonly MeetingPerson[];
  agencies: readonly string[];
  canRun: boolean;
}) {
  const { t, i18n } = useTranslation();
  const commands = useMeetingCommands();
  const [reason, setReason] = useState('');
  const language = i18n.language === 'en' ? 'en' : 'ko';
  const headingId = `meeting-${meeting.number}-heading`;
  const nameOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p
      ? `${p.displayName[language] || p.displayName.ko} (${p.agency})`
      : t('meetings.unknownPerson');
  };

  return (
    <section id={`meeting-${meeting.number}`} aria-labelledby={headingId} className="panel meeting">
      <h2 id={headingId}>
        {t('meetings.meeting', { n: meeting.number })}{' '}
        <span className={`badge badge-meeting-${meeting.status}`}>
          {t(`meetings.status.${meeting.status}`)}
        </span>
      </h2>
      <dl className="details">
        <dt>{t('meetings.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, i18n.language)}</time>
        </dd>
        {meeting.location && (
          <>
            <dt>{t('meetings.where')}</dt>
            <dd>{meeting.location}</dd>
          </>
        )}
        {meeting.date && (
          <>
            <dt>{t('meetings.date')}</dt>
            <dd>{formatDate(meeting.date, i18n.language)}</dd>
          </>
        )}
        {meeting.attendees && (
          <>
            <dt>{t('meetings.attendees')}</dt>
            <dd>
              {[...meeting.attendees.people.map(nameOf), ...meeting.attendees.agencies].join(', ')}
            </dd>
          </>
        )}
        {meeting.minutes && (
          <>
            <dt>{t('meetings.minutes')}</dt>
            <dd className="prose">{meeting.minutes}</dd>
          </>
        )}
        {meeting.cancelReason && (
          <>
            <dt>{t(`meetings.status.cancelled`)}</dt>
            <dd>{t('meetings.cancelledBecause', { reason: meeting.cancelReason })}</dd>
          </>
        )}
      </dl>
      {meeting.status === 'held' && (
        <>
          <h3>{t('meetings.decisions')}</h3>
          {meeting.decisions && meeting.decisions.length > 0 ? (
            <ul>
              {meeting.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : (
            <p>{t('meetings.noDecisions')}</p>
          )}
          <h3>{t('meetings.agenda')}</h3>
          {meeting.agenda && meeting.agenda.length > 0 ? (
            <DataTable
              caption={t('meetings.agendaCaption')}
              columns={[
                t('column.title'),
                t('column.assignee'),
                t('column.status'),
                t('column.dueAt'),
                t('meetings.carriedColumn'),
              ]}
              captionHidden
            >
              {meeting.agenda.map((item) => (
                <tr key={item.followUpId}>
                  <td>
                    <Link href={`/follow-ups/${item.followUpId}`}>{item.title}</Link>
                  </td>
                  <td>{item.assigneeAgency}</td>
                  <td>
                    <StatusBadge status={item.status as FollowUp['status']} />
                  </td>
                  <td>
                    <time dateTime={item.dueAt}>{formatDateTime(item.dueAt, i18n.language)}</time>{' '}
                    {item.overdue && <OverdueBadge />}
                  </td>
                  <td>
                    {item.carriedFrom !== undefined ? (
                      <span className="badge badge-carried">
                        {t('meetings.carried', { n: item.carriedFrom })}
                      </span>
                    ) : (
                      t('meetings.newItem')
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p>{t('meetings.noAgenda')}</p>
          )}
        </>
      )}
      {canRun && meeting.status === 'scheduled' && (
        <div className="meeting-commands">
          <HoldMeetingForm
            seriesId={seriesId}
            meeting={meeting}
            people={people}
            agencies={agencies}
          />
          <SmallForm
            label={t('meetings.cancel')}
            doneMessage={t('meetings.cancelled')}
            onSubmit={async () => {
              if (reason.trim() === '') throw new Error(t('field.required'));
              await commands.cancel(seriesId, meeting.number, reason.trim());
            }}
          >
            <div className="field">
              <label htmlFor={`cancel-${meeting.number}`}>{t('meetings.cancelReason')}</label>
              <textarea
                id={`cancel-${meeting.number}`}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          </SmallForm>
        </div>
      )}
    </section>
  );
}
