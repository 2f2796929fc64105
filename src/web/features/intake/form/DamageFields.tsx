import { NativeSelect, NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { damageKind, paymentMethod } from '../../../../contracts/intake.contracts.js';
import { useEnumOptions } from '../labels.js';
import { patch, type SectionProps } from './section.js';

/** 被害: amount in yen, what kind, and how it was paid. */
export function DamageFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const none = { value: '', label: t('common.choose') };
  const kinds = useEnumOptions(damageKind);
  const methods = useEnumOptions(paymentMethod);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <NumberInput
        label={t('intake.form.damageAmountYen')}
        min={0}
        max={1e13}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        prefix="¥"
        value={draft.damageAmount}
        onChange={(value) => patch(update, { damageAmount: typeof value === 'number' ? value : '' })}
        error={errors.damageAmount}
      />
      <NativeSelect
        label={t('intake.fields.damageKind')}
        data={[none, ...kinds]}
        value={draft.damageKind}
        onChange={(event) => patch(update, { damageKind: damageKind.keys.find((key) => key === event.currentTarget.value) ?? '' })}
        error={errors.damageKind}
      />
      <NativeSelect
        label={t('intake.fields.paymentMethod')}
        data={[none, ...methods]}
        value={draft.paymentMethod}
        onChange={(event) => patch(update, { paymentMethod: paymentMethod.keys.find((key) => key === event.currentTarget.value) ?? '' })}
        error={errors.paymentMethod}
      />
    </SimpleGrid>
  );
}
