import { useTranslation } from 'react-i18next';
import { type ConsultationDetail, damageKind, paymentMethod } from '../../../../contracts/intake.contracts.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { formatYen } from '../../../lib/money.js';
import { useEnumLabel } from '../labels.js';
import { FactsTable } from './FactsTable.js';

/** 被害: amount, kind and how it was paid. */
export function DamageSection({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <DetailSection title={t('intake.detail.sections.damage')}>
      <FactsTable
        facts={[
          { label: t('intake.fields.damageAmount'), value: formatYen(detail.damageAmount) },
          { label: t('intake.fields.damageKind'), value: label(damageKind, detail.damageKind) },
          { label: t('intake.fields.paymentMethod'), value: label(paymentMethod, detail.paymentMethod) },
        ]}
      />
    </DetailSection>
  );
}
