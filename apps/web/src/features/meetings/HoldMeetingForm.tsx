import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SmallForm } from '../../ui/SmallForm';
import { byAgency, decisionsOf } from './meeting-form';
import { useMeetingCommands, type Meeting, type MeetingPerson } from './meetings.queries';

/** The day a meeting starts, in Seoul (the form's default for the day it was held). */
function seoulDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Record a scheduled meeting as held: the day, attendees of the directory, minutes, decisions. */
export function HoldMeetingForm({
  seriesId,
  meeting,
  people,
  agencies,
}: {
  seriesId: string;
  meeting: Meeting;
  people: readonly MeetingPerson[];
  agencies: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const commands = useMeetingCommands();
  const [date, setDate] = useState(seoulDay(meeting.startsAt));
  const [attendees, setAttendees] = useState<string[]>([]);
  const [minutes, setMinutes] = useState('');
  const [decisions, setDecisions] = useState('');
  const language = i18n.language === 'en' ? 'en' : 'ko';

  return (
    <SmallForm
      label={t('meetings.record')}
      doneMessage={t('meetings.recorded')}
      onSubmit={async () => {
        if (attendees.length === 0) throw new Error(t('meetings.choosePeople'));
        if (minutes.trim() === '' || date === '') throw new Error(t('field.required'));
        await commands.hold(seriesId, meeting.number, {
          date,
          attendees: { people: attendees, agencies: [] },
          minutes: minutes.trim(),
          decisions: decisionsOf(decisions),
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('meetings.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <fieldset className="choices">
        <legend>{t('meetings.attendees')}</legend>
        {byAgency(people, agencies).map(([code, list]) => (
          <div key={code} className="people-group">
            <p className="people-group-name">{code}</p>
            {list.map((p) => (
              <label key={p.id} className="choice">
                <input
                  type="checkbox"
                  checked={attendees.includes(p.id)}
                  onChange={(e) =>
                    setAttendees(
                      e.target.checked ? [...attendees, p.id] : attendees.filter((a) => a !== p.id),
                    )
                  }
                />{' '}
                {p.displayName[language] || p.displayName.ko} ({code})
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t('meetings.minutes')}</label>
        <textarea
          id={`${id}-minutes`}
          rows={6}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-decisions`}>{t('meetings.decisions')}</label>
        <textarea
          id={`${id}-decisions`}
          rows={3}
          aria-describedby={`${id}-decisions-hint`}
          value={decisions}
          onChange={(e) => setDecisions(e.target.value)}
        />
        <p id={`${id}-decisions-hint`} className="field-hint">
          {t('meetings.decisionsHint')}
        </p>
      </div>
    </SmallForm>
  );
}
