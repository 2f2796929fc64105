import { Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Modus } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { intakeKeys } from '../api.js';
import { modusQueryOptions, updateModus } from './api.js';
import { ModusFormModal } from './ModusFormModal.js';

/** 手口: the controlled list officers choose from. Retired ones stay on old records but are not offered. */
export function ModusSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const modus = useQuery(modusQueryOptions);
  const [editing, setEditing] = useState<Modus | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (item: Modus) => updateModus({ code: item.code, body: { active: !item.active } }),
    onSuccess: (result) => queryClient.setQueryData(intakeKeys.modus, result),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="intake-settings-modus">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4" id="intake-settings-modus">
          {t('intake.settings.modus.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('intake.settings.modus.add')}</Button>
      </Group>
      <Text size="sm">{t('intake.settings.modus.intro')}</Text>
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {modus.isPending && <PageLoader />}
      {modus.isError && <ErrorAlert error={modus.error} />}
      {modus.isSuccess && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" aria-labelledby="intake-settings-modus">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('intake.settings.modus.sort')}</Table.Th>
                <Table.Th w={200}>{t('intake.settings.modus.code')}</Table.Th>
                <Table.Th>{t('intake.settings.modus.ja')}</Table.Th>
                <Table.Th>{t('intake.settings.modus.en')}</Table.Th>
                <Table.Th w={130}>{t('intake.settings.modus.active')}</Table.Th>
                <Table.Th w={90}>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {modus.data.map((item) => (
                <Table.Tr key={item.code} c={item.active ? undefined : 'dimmed'}>
                  <Table.Td>{item.sort}</Table.Td>
                  <Table.Td ff="monospace">{item.code}</Table.Td>
                  <Table.Td>{item.ja}</Table.Td>
                  <Table.Td>{item.en}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Switch
                        checked={item.active}
                        onChange={() => toggle.mutate(item)}
                        disabled={toggle.isPending}
                        aria-label={t('intake.settings.modus.activeLabel', { name: item.ja })}
                      />
                      <Text size="sm">{item.active ? t('intake.settings.modus.inUse') : t('intake.settings.modus.retired')}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="outline"
                      onClick={() => setEditing(item)}
                      aria-label={t('intake.settings.modus.editLabel', { name: item.ja })}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ModusFormModal modus={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
