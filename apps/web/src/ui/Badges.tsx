import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../api/client';

export function StatusBadge({ status }: { status: FollowUp['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-status badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-overdue">{t('overdue')}</span>;
}

export function PriorityLabel({ priority }: { priority: FollowUp['priority'] }) {
  const { t } = useTranslation();
  return <span className={`priority priority-${priority}`}>{t(`priority.${priority}`)}</span>;
}
