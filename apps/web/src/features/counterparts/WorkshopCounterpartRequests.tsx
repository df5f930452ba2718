import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { SmallForm } from '../../ui/SmallForm';
import { CounterpartTable } from './CounterpartRequestsPage';
import { dueAtOfDay, useCounterpartCommands, useCounterpartRequests } from './counterparts.queries';

/** A workshop's requests to counterparts, and drafting one from an information request to one. */
export function WorkshopCounterpartRequests({
  workshopId,
  infoRequests,
  canRun,
}: {
  workshopId: string;
  /** The workshop's information requests addressed to an outside counterpart. */
  infoRequests: { id: string; subject: string; counterpart: string }[];
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const list = useCounterpartRequests({ workshopId });
  const commands = useCounterpartCommands();
  const [infoRequestId, setInfoRequestId] = useState('');
  const [message, setMessage] = useState('');
  const [due, setDue] = useState('');
  const items = list.data?.items ?? [];
  if (infoRequests.length === 0 && items.length === 0) return null;

  return (
    <section aria-labelledby="ws-counterparts" className="panel">
      <h2 id="ws-counterparts">{t('counterparts.ofWorkshop')}</h2>
      {items.length === 0 ? (
        <p>{list.isPending ? t('app.loading') : t('counterparts.empty')}</p>
      ) : (
        <CounterpartTable items={items} caption={t('counterparts.ofWorkshop')} />
      )}
      {canRun && infoRequests.length > 0 && (
        <SmallForm
          label={t('counterparts.draft')}
          doneMessage={t('counterparts.drafted')}
          onSubmit={async () => {
            if (infoRequestId === '') throw new Error(t('field.required'));
            const drafted = await commands.draft({
              workshopId,
              infoRequestId,
              ...(message.trim() && { message: message.trim() }),
              ...(due && { dueAt: dueAtOfDay(due) }),
            });
            navigate(`/counterpart-requests/${drafted.id}`);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-request`}>{t('counterparts.draftFrom')}</label>
            <select
              id={`${id}-request`}
              value={infoRequestId}
              onChange={(e) => setInfoRequestId(e.target.value)}
            >
              <option value="">{t('workshops.choose')}</option>
              {infoRequests.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.counterpart} · {r.subject}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-message`}>{t('counterparts.message')}</label>
            <textarea
              id={`${id}-message`}
              rows={3}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('counterparts.sendDue')}</label>
            <input
              id={`${id}-due`}
              type="date"
              value={due}
              onChange={(e) => setDue(e.target.value)}
            />
          </div>
        </SmallForm>
      )}
    </section>
  );
}
