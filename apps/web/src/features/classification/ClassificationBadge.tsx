import { useTranslation } from 'react-i18next';
import type { ClassificationLevel } from './classification';

export interface ClassificationShown {
  level: ClassificationLevel;
  agencies?: readonly string[];
  people?: readonly string[];
}

/** 공개 / 제한 / 비공개(대외비) with whom it names; `quiet` shows nothing for public (a list). */
export function ClassificationBadge({
  classification,
  quiet = false,
}: {
  classification: ClassificationShown | undefined;
  quiet?: boolean;
}) {
  const { t } = useTranslation();
  const level = classification?.level ?? 'public';
  if (quiet && level === 'public') return null;
  const text =
    level === 'restricted'
      ? t('classification.badge.restricted', {
          names: (classification?.agencies ?? []).join(', '),
        })
      : level === 'confidential'
        ? t('classification.badge.confidential', { count: classification?.people?.length ?? 0 })
        : t('classification.badge.public');
  return (
    <span className={`badge badge-classification badge-classification-${level}`}>
      <span className="visually-hidden">{t('classification.label')}: </span>
      {text}
    </span>
  );
}
