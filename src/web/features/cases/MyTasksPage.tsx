import { Anchor, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTaskStatus } from '../../../contracts/cases.tasks.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { hasPermission } from '../../lib/permissions.js';
import { myTasksQueryOptions } from './api.js';
import { DueDate } from './CaseTasks.js';

/**
 * 自分の捜査事項: the officer's open tasks across the cases they may read, and their unit's
 * unassigned ones, soonest due first; past-due ones marked and counted. Each opens its case at
 * the tasks, where its status is changed.
 */
export function MyTasksPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const [mineOnly, setMineOnly] = useState(false);
  const tasks = useQuery(myTasksQueryOptions(mineOnly));
  const canEditTemplates = hasPermission(useSession()?.user, 'intake.settings.manage');
  return (
    <Stack gap="md">
      <PageHeading title={t('cases.myTasks.title')} order={1} />
      <Group justify="space-between">
        <Checkbox label={t('cases.myTasks.mineOnly')} checked={mineOnly} onChange={(event) => setMineOnly(event.currentTarget.checked)} />
        <Group gap="md">
          {canEditTemplates && (
            <Anchor component={Link} to="/cases/templates" size="sm">
              {t('cases.templates.title')}
            </Anchor>
          )}
          <Anchor component={Link} to="/cases" size="sm">
            {t('cases.myTasks.toCases')}
          </Anchor>
        </Group>
      </Group>
      {tasks.isPending ? (
        <PageLoader />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={isRetryable(tasks.error) ? () => void tasks.refetch() : undefined} />
      ) : tasks.data.items.length === 0 ? (
        <Text size="sm">{t('cases.myTasks.empty')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('cases.myTasks.summary', { total: tasks.data.total, overdue: tasks.data.overdue })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('cases.myTasks.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases.tasks.fields.dueOn')}</Table.Th>
                  <Table.Th>{t('cases.tasks.fields.title')}</Table.Th>
                  <Table.Th>{t('cases.myTasks.case')}</Table.Th>
                  <Table.Th>{t('cases.tasks.fields.assignee')}</Table.Th>
                  <Table.Th>{t('cases.tasks.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.data.items.map((task) => (
                  <Table.Tr key={task.id}>
                    <Table.Td>
                      <DueDate task={task} />
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor
                        renderRoot={(props) => <Link to="/cases/$id" params={{ id: task.caseId }} hash="tasks" {...props} />}
                        size="sm"
                      >
                        {task.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">
                        {task.caseNo} {task.caseTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {task.mine
                        ? t('cases.myTasks.me')
                        : t('cases.tasks.unitTask', { unit: unitName({ name: task.assigneeUnitName, nameEn: task.assigneeUnitNameEn }) })}
                    </Table.Td>
                    <Table.Td>{localized(caseTaskStatus.labels[task.status])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {tasks.data.truncated && <Text size="sm">{t('cases.myTasks.truncated', { n: tasks.data.items.length })}</Text>}
        </>
      )}
    </Stack>
  );
}
