import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { flagLabels } from '../../../../contracts/intake.contracts.js';
import { useLocalized } from '../../../i18n/index.js';
import type { IntakeDraft } from './draft.js';
import type { SectionProps } from './section.js';

const wishKeys = ['punishment', 'damageReport', 'removalOnly'] as const;
const flagKeys = Object.keys(flagLabels) as (keyof IntakeDraft['flags'])[];

/** 相談者の意向 (処罰意思 / 被害届の意思 / 削除のみ希望) and the circumstances the report rules look at. */
export function CircumstanceFields({ draft, update }: SectionProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Checkbox.Group
        label={t('intake.fields.wishes')}
        value={wishKeys.filter((key) => draft.wishes[key])}
        onChange={(values) =>
          update((current) => ({
            ...current,
            wishes: {
              punishment: values.includes('punishment'),
              damageReport: values.includes('damageReport'),
              removalOnly: values.includes('removalOnly'),
            },
          }))
        }
      >
        <Stack gap={6} mt={6}>
          {wishKeys.map((key) => (
            <Checkbox key={key} value={key} label={t(`intake.wishes.${key}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('intake.fields.flags')}
        description={t('intake.form.flagsHint')}
        value={flagKeys.filter((key) => draft.flags[key])}
        onChange={(values) =>
          update((current) => ({
            ...current,
            flags: Object.fromEntries(flagKeys.map((key) => [key, values.includes(key)])) as IntakeDraft['flags'],
          }))
        }
      >
        <Stack gap={6} mt={6}>
          {flagKeys.map((key) => (
            <Checkbox key={key} value={key} label={localized(flagLabels[key])} />
          ))}
        </Stack>
      </Checkbox.Group>
    </SimpleGrid>
  );
}
