import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { hasRole, useMe } from '../../api/session';
import { Forbidden, NotFound } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { AgenciesSection } from './AgenciesSection';
import { ApiKeysSection } from './ApiKeysSection';
import { DeadLettersSection } from './DeadLettersSection';
import { NewPersonSection } from './NewPersonSection';
import { PeopleSection } from './PeopleSection';
import { PersonSection } from './PersonSection';
import { WebhooksSection } from './WebhooksSection';

/** The admin's sections; the queues dashboard is the API's own page (a full load). */
const SECTIONS = [
  { href: '/admin', key: 'people' },
  { href: '/admin/agencies', key: 'agencies' },
  { href: '/admin/api-keys', key: 'apiKeys' },
  { href: '/admin/webhooks', key: 'webhooks' },
  { href: '/admin/dead-letters', key: 'deadLetters' },
] as const;

function current(location: string, href: string): boolean {
  if (href === '/admin') return location === '/admin' || location.startsWith('/admin/people');
  return location.startsWith(href);
}

/** /admin and its sections: people, agencies, API keys, webhooks, dead letters, queues. */
export function AdminPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [location] = useLocation();
  if (!hasRole(me, 'admin')) return <Forbidden />;
  return (
    <>
      {/* keyed by the section: a new section focuses the heading, as a new page does */}
      <PageHeading key={location}>{t('admin.title')}</PageHeading>
      <nav aria-label={t('admin.sections')} className="admin-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <Link href={s.href} aria-current={current(location, s.href) ? 'page' : undefined}>
                {t(`admin.section.${s.key}`)}
              </Link>
            </li>
          ))}
          <li>
            <a href="/admin/queues">{t('admin.queues')}</a>
          </li>
        </ul>
      </nav>
      <Switch>
        <Route path="/admin" component={PeopleSection} />
        <Route path="/admin/people/new" component={NewPersonSection} />
        <Route path="/admin/people/:id">
          {(params) => <PersonSection key={params.id} id={params.id} />}
        </Route>
        <Route path="/admin/agencies" component={AgenciesSection} />
        <Route path="/admin/api-keys" component={ApiKeysSection} />
        <Route path="/admin/webhooks" component={WebhooksSection} />
        <Route path="/admin/dead-letters" component={DeadLettersSection} />
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </>
  );
}
