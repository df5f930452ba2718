import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';

type People = components['schemas']['PeoplePageDto'];

/** The admin's start: the people of the directory, and the way to the queues. */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  const people = useQuery({
    queryKey: ['admin', 'people'],
    queryFn: () => unwrap<People>(api.GET('/v1/people')),
  });
  const language = i18n.language === 'en' ? 'en' : 'ko';
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <p>
        <a href="/admin/queues" className="btn btn-secondary btn-link">
          {t('admin.queues')}
        </a>
      </p>
      <section aria-labelledby="people-heading" className="panel">
        <h2 id="people-heading">{t('admin.people')}</h2>
        {people.isError ? (
          <LoadError error={people.error} retry={() => void people.refetch()} />
        ) : people.isPending ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('admin.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.login')}</th>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.agency')}</th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col">{t('admin.active')}</th>
                </tr>
              </thead>
              <tbody>
                {people.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.login}</td>
                    <td>{p.displayName[language]}</td>
                    <td>{p.agency}</td>
                    <td>{p.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                    <td>{p.active ? t('admin.yes') : t('admin.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
