import { Group, NativeSelect, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intakeChannel, intakeKind } from '../../../../contracts/intake.contracts.js';
import { useEnumOptions } from '../labels.js';
import { patch, type SectionProps } from './section.js';

/** 受理区分, 受理経路 and 受理日時: defaults fit a visit to the counter (相談, 来署, now). */
export function ReceiptFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const kinds = useEnumOptions(intakeKind);
  const channels = useEnumOptions(intakeChannel);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Radio.Group
        label={t('intake.fields.kind')}
        value={draft.kind}
        onChange={(value) => {
          const kind = intakeKind.keys.find((key) => key === value);
          if (kind) patch(update, { kind });
        }}
        required
      >
        <Group gap="md" mt={8}>
          {kinds.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </Group>
      </Radio.Group>
      <NativeSelect
        label={t('intake.fields.channel')}
        data={channels}
        value={draft.channel}
        onChange={(event) => {
          const channel = intakeChannel.keys.find((key) => key === event.currentTarget.value);
          if (channel) patch(update, { channel });
        }}
        required
      />
      <TextInput
        type="datetime-local"
        label={t('intake.fields.receivedAt')}
        value={draft.receivedAt}
        onChange={(event) => patch(update, { receivedAt: event.currentTarget.value })}
        error={errors.receivedAt}
        required
      />
    </SimpleGrid>
  );
}
