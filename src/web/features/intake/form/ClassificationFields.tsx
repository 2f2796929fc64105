import { Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactMethod, intakeCategory } from '../../../../contracts/intake.contracts.js';
import { useEnumOptions, useModusOptions } from '../labels.js';
import { patch, type SectionProps } from './section.js';

/** 分類, 手口, how the other side made contact, and when it happened. */
export function ClassificationFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const categories = useEnumOptions(intakeCategory);
  const modus = useModusOptions();
  const methods = useEnumOptions(contactMethod);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {/* Searchable: typing a few characters (IME included) and Enter picks the entry. Both
            selectFirstOption props: with only the first, a whole word committed at once (IME, paste)
            opened the list and lost the highlighted option, so Enter picked nothing. */}
        <Select
          label={t('intake.fields.category')}
          placeholder={t('common.choose')}
          data={categories}
          value={draft.category || null}
          onChange={(value) => patch(update, { category: intakeCategory.keys.find((key) => key === value) ?? '' })}
          error={errors.category}
          required
          searchable
          selectFirstOptionOnChange
          selectFirstOptionOnDropdownOpen
          autoSelectOnBlur
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Select
          label={t('intake.fields.modus')}
          placeholder={t('common.choose')}
          data={modus}
          value={draft.modus || null}
          onChange={(value) => patch(update, { modus: value ?? '' })}
          error={errors.modus}
          required
          searchable
          selectFirstOptionOnChange
          selectFirstOptionOnDropdownOpen
          autoSelectOnBlur
          allowDeselect={false}
          maxDropdownHeight={320}
          nothingFoundMessage={t('common.nothingFound')}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('intake.fields.contactMethods')}
        description={t('intake.form.contactMethodsHint')}
        value={draft.contactMethods}
        onChange={(values) => patch(update, { contactMethods: contactMethod.keys.filter((key) => values.includes(key)) })}
        error={errors.contactMethods}
      >
        <Group gap="md" mt={6}>
          {methods.map((option) => (
            <Checkbox key={option.value} value={option.value} label={option.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label={t('intake.fields.snsService')}
          description={t('intake.form.snsHint')}
          maxLength={50}
          value={draft.snsService}
          onChange={(event) => patch(update, { snsService: event.currentTarget.value })}
          error={errors.snsService}
        />
        <TextInput
          type="datetime-local"
          label={t('intake.fields.occurredAt')}
          value={draft.occurredAt}
          onChange={(event) => patch(update, { occurredAt: event.currentTarget.value })}
          error={errors.occurredAt}
        />
        <TextInput
          type="datetime-local"
          label={t('intake.fields.discoveredAt')}
          value={draft.discoveredAt}
          onChange={(event) => patch(update, { discoveredAt: event.currentTarget.value })}
          error={errors.discoveredAt}
        />
      </SimpleGrid>
    </Stack>
  );
}
