import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { ApiError } from '../../api/client';
import { signIn, useResetSession } from '../../api/session';
import { PageHeading } from '../../ui/PageHeading';

/** Only paths of this app: a `next` pointing elsewhere is ignored (no open redirect). */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Whether the API offers OIDC sign-in (200) or not (404): the IdP's button only when it does. */
function useOidcAvailable(): boolean {
  const query = useQuery({
    queryKey: ['session', 'oidc'],
    queryFn: async () => {
      try {
        // fetch itself, not the typed client: the answer is only its status (200 or 404).
        return (await fetch('/v1/session/oidc', { credentials: 'same-origin' })).ok;
      } catch {
        return false;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data === true;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const search = useSearch();
  const reset = useResetSession();
  const oidc = useOidcAvailable();
  const next = safeNext(new URLSearchParams(search).get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The IdP's callback sends refusals back here as ?error=<code> (apps/api/src/session/oidc).
  const providerError = new URLSearchParams(search).get('error');
  const [problem, setProblem] = useState<string | null>(
    providerError ? t('signIn.providerFailed', { code: providerError.slice(0, 40) }) : null,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setProblem(t('signIn.required'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await signIn(username.trim(), password);
      await reset();
      navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true });
    } catch (err) {
      setProblem(
        err instanceof ApiError && err.status === 429
          ? t('signIn.throttled')
          : err instanceof ApiError && (err.status === 401 || err.status === 400)
            ? t('signIn.failed')
            : t('error.network'),
      );
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        {problem && (
          <p role="alert" className="alert alert-danger">
            {problem}
          </p>
        )}
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      {oidc && (
        <div className="sign-in-oidc">
          <p className="divider-text">{t('signIn.or')}</p>
          <a
            className="btn btn-secondary btn-block btn-link"
            href={`/v1/session/oidc/start?returnTo=${encodeURIComponent(next)}`}
          >
            {t('signIn.withProvider')}
          </a>
        </div>
      )}
    </div>
  );
}
