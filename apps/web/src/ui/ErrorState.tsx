import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, NetworkError } from '../api/client';
import { AuditReasonForm, isAuditReasonRefusal, type ReasonFor } from './AuditReason';
import { PageHeading } from './PageHeading';

/** A page that says what happened and what the person can do next; never a blank page. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('error.notFoundTitle')}</PageHeading>
      <p>{t('error.notFound')}</p>
      <Link href="/">{t('error.home')}</Link>
    </>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('error.forbiddenTitle')}</PageHeading>
      <p>{t('error.forbidden')}</p>
      <Link href="/">{t('error.home')}</Link>
    </>
  );
}

/**
 * The answer to a failed read: 404/403 pages, the reason an auditor must give for a classified
 * item, or a retry for the network and the rest.
 */
export function LoadError({
  error,
  retry,
  reasonFor,
}: {
  error: unknown;
  retry: () => void;
  reasonFor?: ReasonFor;
}) {
  const { t } = useTranslation();
  if (isAuditReasonRefusal(error)) return <AuditReasonForm retry={retry} what={reasonFor} />;
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  const message =
    error instanceof NetworkError
      ? t('error.network')
      : t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  return (
    <div role="alert" className="alert alert-danger">
      <p>{message}</p>
      <button type="button" className="btn btn-secondary" onClick={retry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
