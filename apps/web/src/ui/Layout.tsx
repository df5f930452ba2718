import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useLiveChanges } from '../api/live';
import { hasRole, signOut, useMe, useResetSession } from '../api/session';
import { outcomeLinks } from '../features/outcome-links';
import { SiteSearch } from '../features/search/SiteSearch';
import { ActingFor } from './ActingFor';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every page: skip link, masthead, the person's menu, the language switch. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const reset = useResetSession();
  const [location, navigate] = useLocation();
  const language = i18n.language === 'en' ? 'en' : 'ko';
  // live changes for those who read tasks (admins have no such page)
  const readsTasks =
    hasRole(me, 'agency_officer') || hasRole(me, 'bureau_head') || hasRole(me, 'auditor');
  useLiveChanges(readsTasks);

  const links = [
    hasRole(me, 'agency_officer') && { href: '/inbox', label: t('nav.inbox') },
    (hasRole(me, 'bureau_head') || hasRole(me, 'auditor')) && {
      href: '/board',
      label: t('nav.board'),
    },
    (hasRole(me, 'bureau_head') || hasRole(me, 'auditor')) && {
      href: '/workshops',
      label: t('nav.workshops'),
    },
    (hasRole(me, 'bureau_head') || hasRole(me, 'auditor')) && {
      href: '/dashboard',
      label: t('nav.dashboard'),
    },
    hasRole(me, 'auditor') && { href: '/audit', label: t('nav.audit') },
    hasRole(me, 'admin') && { href: '/admin', label: t('nav.admin') },
    ...outcomeLinks(me, t),
  ].filter((link): link is { href: string; label: string } => Boolean(link));

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="masthead">
        <div className="masthead-inner">
          <Link href="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <div className="masthead-tools">
            {readsTasks && <SiteSearch />}
            <LanguageSwitch />
            {me && (
              <>
                <span className="who">
                  {t('nav.signedInAs', {
                    name: me.person.displayName[language] || me.person.login,
                    agency: me.person.agency ?? '—',
                  })}
                </span>
                <ActingFor me={me} />
                <button
                  type="button"
                  className="btn btn-tertiary btn-small"
                  onClick={async () => {
                    await signOut().catch(() => undefined);
                    await reset();
                    navigate('/sign-in');
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
        {links.length > 0 && (
          <nav aria-label={t('app.mainNav')} className="main-nav">
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={location.startsWith(link.href) ? 'page' : undefined}
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <ConnectionBanner />
      <main id="main" className="content">
        {children}
      </main>
    </>
  );
}
