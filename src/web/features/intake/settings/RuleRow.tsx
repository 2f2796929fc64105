import { Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useLocalized } from '../../../i18n/index.js';
import { intakeKeys } from '../api.js';
import { type RuleUpdate, updateRule } from './api.js';

/** One 報告基準: switches save at once; the minutes and the threshold with 保存. Remounted per server version. */
export function RuleRow({ rule }: { rule: RuleView }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const [sla, setSla] = useState<number | string>(rule.slaMinutes);
  const [threshold, setThreshold] = useState<number | string>(rule.threshold ?? '');
  const save = useMutation({
    mutationFn: (body: RuleUpdate) => updateRule({ code: rule.code, body }),
    onSuccess: (result) => queryClient.setQueryData(intakeKeys.rules, result),
  });
  const name = localized(rule);
  const numbersChanged = Number(sla) !== rule.slaMinutes || (rule.threshold !== null && Number(threshold) !== rule.threshold);
  const saveNumbers = () => {
    const body: RuleUpdate = { slaMinutes: Number(sla) };
    if (rule.threshold !== null) body.threshold = Number(threshold);
    save.mutate(body);
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        {save.isError && <ErrorAlert error={save.error} />}
      </Table.Td>
      <Table.Td>
        <Switch
          checked={rule.enabled}
          onChange={(event) => save.mutate({ enabled: event.currentTarget.checked })}
          disabled={save.isPending}
          aria-label={t('intake.settings.rules.enabledLabel', { name })}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          color="red"
          checked={rule.urgent}
          onChange={(event) => save.mutate({ urgent: event.currentTarget.checked })}
          disabled={save.isPending}
          aria-label={t('intake.settings.rules.urgentLabel', { name })}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('intake.settings.rules.slaLabel', { name })}
          min={5}
          max={10_080}
          allowDecimal={false}
          allowNegative={false}
          suffix={t('intake.settings.rules.minutesSuffix')}
          value={sla}
          onChange={setSla}
          size="xs"
          w={110}
        />
      </Table.Td>
      <Table.Td>
        {rule.threshold === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <NumberInput
            aria-label={t('intake.settings.rules.thresholdLabel', { name })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            prefix="¥"
            value={threshold}
            onChange={setThreshold}
            size="xs"
            w={150}
          />
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="compact-sm" variant="outline" onClick={saveNumbers} disabled={!numbersChanged} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
