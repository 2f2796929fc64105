import { useTranslation } from 'react-i18next';
import {
  type ConsultationDetail,
  contactMethod,
  disposition,
  flagLabels,
  intakeCategory,
  intakeChannel,
  intakeKind,
} from '../../../../contracts/intake.contracts.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { useLocalized, useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { useEnumLabel, useModusLabel } from '../labels.js';
import { FactsTable } from './FactsTable.js';

const wishKeys = ['punishment', 'damageReport', 'removalOnly'] as const;

/** 受理情報: how and when it came in, what it is, and what was decided. */
export function ReceiptSection({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const localized = useLocalized();
  const label = useEnumLabel();
  const modusLabel = useModusLabel();
  const join = (items: string[]) => (items.length > 0 ? items.join(t('common.listSeparator')) : t('intake.common.none'));
  const flags = (Object.keys(flagLabels) as (keyof typeof flagLabels)[]).filter((key) => detail.flags[key]);
  const wishes = wishKeys.filter((key) => detail.wishes[key]);
  return (
    <DetailSection title={t('intake.detail.sections.receipt')}>
      <FactsTable
        facts={[
          { label: t('intake.fields.kind'), value: label(intakeKind, detail.kind) },
          { label: t('intake.fields.channel'), value: label(intakeChannel, detail.channel) },
          { label: t('intake.fields.receivedAt'), value: formatJst(detail.receivedAt) },
          {
            label: t('intake.fields.receivedBy'),
            value: t('intake.detail.person', {
              name: detail.receivedByName,
              unit: unitName({ name: detail.owningUnitName, nameEn: detail.owningUnitNameEn }),
            }),
          },
          { label: t('intake.fields.category'), value: label(intakeCategory, detail.category) },
          { label: t('intake.fields.modus'), value: modusLabel(detail.modus) },
          { label: t('intake.fields.contactMethods'), value: join(detail.contactMethods.map((key) => label(contactMethod, key))) },
          { label: t('intake.fields.snsService'), value: detail.snsService ?? '—' },
          { label: t('intake.fields.occurredAt'), value: formatJst(detail.occurredAt) },
          { label: t('intake.fields.discoveredAt'), value: formatJst(detail.discoveredAt) },
          { label: t('intake.fields.flags'), value: join(flags.map((key) => localized(flagLabels[key]))) },
          { label: t('intake.fields.wishes'), value: join(wishes.map((key) => t(`intake.wishes.${key}`))) },
          { label: t('intake.fields.disposition'), value: label(disposition, detail.disposition) },
          { label: t('intake.fields.handoverTo'), value: detail.handoverTo ?? '—' },
          { label: t('intake.fields.nextFollowUpAt'), value: formatJst(detail.nextFollowUpAt) },
        ]}
      />
    </DetailSection>
  );
}
