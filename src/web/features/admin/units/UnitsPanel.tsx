import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/org.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { hasPermission } from '../../../lib/permissions.js';
import { unitsQueryOptions } from './api.js';
import { UnitFormModal } from './UnitFormModal.js';
import { UnitTree } from './UnitTree.js';
import { buildUnitTree } from './unitTree.js';

type Editing = { unit: Unit | null } | null;

/** 所属: the unit hierarchy; create and edit with org.units.manage. */
export function UnitsPanel() {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession()?.user, 'org.units.manage');
  const units = useQuery(unitsQueryOptions);
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const parents = () => new Set((units.data ?? []).filter((u) => u.parentId).map((u) => u.parentId as string));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('admin.units.heading')}
        </Title>
        {canManage && <Button onClick={() => setEditing({ unit: null })}>{t('admin.units.create')}</Button>}
      </Group>
      {units.isPending && <PageLoader />}
      {units.isError && <ErrorAlert error={units.error} onRetry={isRetryable(units.error) ? () => void units.refetch() : undefined} />}
      {units.isSuccess &&
        (units.data.length === 0 ? (
          <Text>{t('admin.units.empty')}</Text>
        ) : (
          <>
            <Group gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('admin.units.total', { count: units.data.length })}
              </Text>
              <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
                {t('admin.units.expandAll')}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setCollapsed(parents())}>
                {t('admin.units.collapseAll')}
              </Button>
            </Group>
            <UnitTree
              nodes={tree}
              collapsed={collapsed}
              onToggle={toggle}
              onEdit={canManage ? (unit) => setEditing({ unit }) : undefined}
              label={t('admin.units.treeLabel')}
            />
          </>
        ))}
      {editing && <UnitFormModal unit={editing.unit} units={units.data ?? []} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
