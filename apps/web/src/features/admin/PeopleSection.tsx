import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AgencyOptions } from '../../ui/AgencyOptions';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { useDirectory, usePeople } from './admin.queries';

/** The people of the directory, filtered by agency and state; each opens to be managed. */
export function PeopleSection() {
  const { t, i18n } = useTranslation();
  const [agency, setAgency] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const directory = useDirectory();
  const people = usePeople({
    ...(agency && { agency }),
    ...(active && { active }),
  });
  const language = i18n.language === 'en' ? 'en' : 'ko';
  const agencies = (directory.data ?? []).filter((a) => a.kind === 'agency');
  return (
    <section aria-labelledby="people-heading" className="panel">
      <div className="section-head">
        <h2 id="people-heading">{t('admin.people')}</h2>
        <Link href="/admin/people/new" className="btn btn-primary btn-link">
          {t('admin.person.register')}
        </Link>
      </div>
      <div className="filters" role="group" aria-label={t('admin.person.filters')}>
        <div className="field">
          <label htmlFor="people-agency">{t('admin.agency')}</label>
          <select id="people-agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{t('admin.all')}</option>
            <AgencyOptions agencies={agencies} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-active">{t('admin.active')}</label>
          <select
            id="people-active"
            value={active}
            onChange={(e) => setActive(e.target.value as '' | 'true' | 'false')}
          >
            <option value="">{t('admin.all')}</option>
            <option value="true">{t('admin.yes')}</option>
            <option value="false">{t('admin.no')}</option>
          </select>
        </div>
      </div>
      <ListState read={people} items={people.data?.items}>
        {(items) => (
          <DataTable
            caption={t('admin.caption')}
            columns={[
              t('admin.login'),
              t('admin.name'),
              t('admin.agency'),
              t('admin.roles'),
              t('admin.active'),
            ]}
          >
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/people/${p.id}`}>{p.login}</Link>
                </td>
                <td>{p.displayName[language]}</td>
                <td>{p.agency}</td>
                <td>{p.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                <td>{p.active ? t('admin.yes') : t('admin.no')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
    </section>
  );
}
