import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { rulesQueryOptions } from './api.js';
import { RuleRow } from './RuleRow.js';

/** 報告基準: when a new record is reported to サイバー課 by itself, and how soon it must be acknowledged. */
export function RuleSettings() {
  const { t } = useTranslation();
  const rules = useQuery(rulesQueryOptions);
  return (
    <Stack gap="sm" component="section" aria-labelledby="intake-settings-rules">
      <Title order={3} size="h4" id="intake-settings-rules">
        {t('intake.settings.rules.title')}
      </Title>
      <Text size="sm">{t('intake.settings.rules.intro')}</Text>
      {rules.isPending && <PageLoader />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.isSuccess && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-labelledby="intake-settings-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intake.settings.rules.name')}</Table.Th>
                <Table.Th w={80}>{t('intake.settings.rules.enabled')}</Table.Th>
                <Table.Th w={80}>{t('intake.common.urgent')}</Table.Th>
                <Table.Th w={130}>{t('intake.settings.rules.sla')}</Table.Th>
                <Table.Th w={170}>{t('intake.settings.rules.threshold')}</Table.Th>
                <Table.Th w={90}>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <RuleRow key={`${rule.code}:${rule.slaMinutes}:${rule.threshold}`} rule={rule} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
