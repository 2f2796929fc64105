import { Checkbox, Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { orgSize, partyType, sector } from '../../../../contracts/intake.contracts.js';
import { useAgeGroupOptions, useEnumOptions } from '../labels.js';
import { BankFields } from './BankFields.js';
import type { PartyDraft, PartyRole } from './draft.js';
import type { SectionProps } from './section.js';

function oneOf<K extends string>(keys: readonly K[], value: string): K | '' {
  return keys.find((key) => key === value) ?? '';
}

/** 相談者 or 被害者: who they are and how to reach them. Labels name the party, so each is unique on the page. */
export function PartyFields({ party: role, draft, update, errors }: SectionProps & { party: PartyRole }) {
  const { t } = useTranslation();
  const values = draft[role];
  const who = t(`intake.party.${role}`);
  const types = useEnumOptions(partyType);
  const none = { value: '', label: t('common.choose') };
  const ages = useAgeGroupOptions();
  const sizes = useEnumOptions(orgSize);
  const sectors = useEnumOptions(sector);
  const set = (change: Partial<PartyDraft>) => update((current) => ({ ...current, [role]: { ...current[role], ...change } }));
  const error = (field: string) => errors[`${role}.${field}`];

  return (
    <Fieldset legend={t('intake.party.legend', { party: who })} variant="filled">
      <Stack gap="sm">
        <Radio.Group
          label={t('intake.party.type', { party: who })}
          value={values.type}
          onChange={(value) => {
            const type = partyType.keys.find((key) => key === value);
            if (type) set({ type });
          }}
        >
          <Group gap="md" mt={4}>
            {types.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('intake.party.name', { party: who })}
            maxLength={100}
            autoComplete="off"
            value={values.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            error={error('name')}
          />
          <TextInput
            label={t('intake.party.phone', { party: who })}
            type="tel"
            maxLength={30}
            autoComplete="off"
            value={values.phone}
            onChange={(event) => set({ phone: event.currentTarget.value })}
            error={error('phone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('intake.party.address', { party: who })}
          maxLength={200}
          autoComplete="off"
          value={values.address}
          onChange={(event) => set({ address: event.currentTarget.value })}
          error={error('address')}
        />
        {values.type === 'individual' ? (
          <NativeSelect
            label={t('intake.party.ageGroup', { party: who })}
            data={[none, ...ages]}
            value={values.ageGroup}
            onChange={(event) => set({ ageGroup: oneOf(['minor', 'adult', 'senior'] as const, event.currentTarget.value) })}
            w={{ base: '100%', sm: 280 }}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('intake.party.orgSize', { party: who })}
              data={[none, ...sizes]}
              value={values.orgSize}
              onChange={(event) => set({ orgSize: oneOf(orgSize.keys, event.currentTarget.value) })}
            />
            <NativeSelect
              label={t('intake.party.sector', { party: who })}
              description={t('intake.party.sectorHint')}
              data={[none, ...sectors]}
              value={values.sector}
              onChange={(event) => set({ sector: oneOf(sector.keys, event.currentTarget.value) })}
            />
          </SimpleGrid>
        )}
        <Checkbox
          label={t('intake.party.withBank', { party: who })}
          checked={values.withBank}
          onChange={(event) => set({ withBank: event.currentTarget.checked })}
        />
        {values.withBank && (
          <BankFields who={who} bank={values.bank} onChange={(bank) => set({ bank })} error={(field) => error(`bank.${field}`)} />
        )}
      </Stack>
    </Fieldset>
  );
}
