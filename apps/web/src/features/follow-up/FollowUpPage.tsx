import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAgencies } from '../../api/agencies';
import { hasRole, useActingFor, useMe } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { OverdueBadge, PriorityLabel, StatusBadge } from '../../ui/Badges';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { ChangeClassification } from '../classification/ChangeClassification';
import { ClassificationBadge } from '../classification/ClassificationBadge';
import { useColleagues, useFollowUp, usePerformVerb } from './follow-up.queries';
import { AttachmentsPanel } from './Attachments';
import { CommentsPanel } from './Comments';
import { Timeline } from './Timeline';
import { VerbPanel } from './VerbPanel';

export function FollowUpPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const task = useFollowUp(id);
  const perform = usePerformVerb(id);
  const agencies = useAgencies();
  const client = useQueryClient();
  const actingFor = useActingFor();
  const colleagues = useColleagues(
    task.data?.assigneeAgency,
    hasRole(me, 'agency_officer') && me?.person.agency === task.data?.assigneeAgency,
  );

  if (task.isPending) return <p role="status">{t('app.loading')}</p>;
  if (task.isError) return <LoadError error={task.error} retry={() => void task.refetch()} />;
  const f = task.data;
  // Acting for a colleague (대결): the page offers what the API will accept of them.
  const viewer = {
    id: actingFor ?? me?.person.id,
    roles: me?.person.roles ?? [],
    agency: me?.person.agency,
  };
  const language = i18n.language === 'en' ? 'en' : 'ko';

  return (
    <article className="follow-up">
      <p className="eyebrow">{t('followUp.heading')}</p>
      <PageHeading>{f.title}</PageHeading>
      <p className="status-line">
        <StatusBadge status={f.status} /> {f.overdue && <OverdueBadge />}{' '}
        <ClassificationBadge classification={f.classification} />
      </p>
      {hasRole(me, 'bureau_head') && me?.person.agency === f.hostAgency && (
        <ChangeClassification
          target="follow-up"
          id={id}
          current={f.classification}
          agencies={agencies.data ?? []}
          peopleFrom={[f.assigneeAgency]}
        />
      )}
      <section aria-labelledby="details-heading" className="panel">
        <h2 id="details-heading">{t('followUp.details')}</h2>
        <dl className="details">
          <dt>{t('followUp.host')}</dt>
          <dd>{f.hostAgency}</dd>
          <dt>{t('followUp.assignee')}</dt>
          <dd>{f.assigneeAgency}</dd>
          <dt>{t('followUp.officer')}</dt>
          <dd>
            {f.officerId === undefined
              ? t('followUp.unclaimed')
              : (f.officerName?.[language] ?? t('followUp.officerOther'))}
          </dd>
          <dt>{t('followUp.dueAt')}</dt>
          <dd>
            <time dateTime={f.dueAt}>{formatDateTime(f.dueAt, i18n.language)}</time>
          </dd>
          <dt>{t('followUp.priority')}</dt>
          <dd>
            <PriorityLabel priority={f.priority} />
          </dd>
          {f.instructions && (
            <>
              <dt>{t('followUp.instructions')}</dt>
              <dd className="prose">{f.instructions}</dd>
            </>
          )}
          {f.notes > 0 && (
            <>
              <dt>{t('followUp.lastNote')}</dt>
              <dd className="prose">
                {f.lastNote} ({t('followUp.notes')}: {f.notes})
              </dd>
            </>
          )}
          {f.response && (
            <>
              <dt>{t('followUp.response')}</dt>
              <dd className="prose">{f.response}</dd>
            </>
          )}
          {f.lastReason && (
            <>
              <dt>{t('followUp.lastReason')}</dt>
              <dd className="prose">{f.lastReason}</dd>
            </>
          )}
        </dl>
      </section>
      <VerbPanel
        task={f}
        viewer={viewer}
        agencies={agencies.data}
        colleagues={colleagues.data?.items}
        perform={(verb, values) => perform(verb, f.version, values)}
        // the task and its history: both moved
        reload={() => void client.invalidateQueries({ queryKey: ['follow-up', id] })}
      />
      <CommentsPanel id={id} viewerId={me?.person.id} />
      <AttachmentsPanel id={id} />
      <Timeline id={id} viewerId={me?.person.id} />
      {hasRole(me, 'auditor') && (
        <p className="no-print">
          <Link href={`/audit/follow-ups/${id}`}>{t('audit.openTrail')}</Link>
        </p>
      )}
      {hasRole(me, 'agency_officer') && (
        <p className="no-print">
          <Link href="/inbox">{t('followUp.back')}</Link>
        </p>
      )}
    </article>
  );
}
