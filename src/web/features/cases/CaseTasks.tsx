import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.contracts.js';
import { type CaseTask, type CaseTaskStatus, caseTaskStatus } from '../../../contracts/cases.tasks.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { applyTaskTemplate, caseKeys, createTask, taskAssigneesQueryOptions, taskTemplatesQueryOptions, updateTask } from './api.js';

/**
 * 捜査事項: the case's tasks with who has each and by when (past due marked), the status each
 * caller may move (the owning unit, or whoever the task is for), and — for the owning unit — a
 * form to add one and the 手口's checklist. The server decides; the page offers what it allows.
 */
export function CaseTasks({ detail, canEdit }: { detail: CaseDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {detail.tasks.length === 0 ? <Text size="sm">{t('cases.tasks.none')}</Text> : <TaskTable caseId={detail.id} tasks={detail.tasks} />}
      {canEdit && <AddTask detail={detail} />}
    </Stack>
  );
}

function TaskTable({ caseId, tasks }: { caseId: string; tasks: CaseTask[] }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped aria-label={t('cases.tasks.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.tasks.fields.title')}</Table.Th>
            <Table.Th>{t('cases.tasks.fields.assignee')}</Table.Th>
            <Table.Th>{t('cases.tasks.fields.dueOn')}</Table.Th>
            <Table.Th>{t('cases.tasks.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text size="sm">{task.title}</Text>
                {task.note && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {task.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {task.assigneeName ??
                  t('cases.tasks.unitTask', { unit: unitName({ name: task.assigneeUnitName, nameEn: task.assigneeUnitNameEn }) })}
              </Table.Td>
              <Table.Td>
                <DueDate task={task} />
              </Table.Td>
              <Table.Td>
                <TaskStatus caseId={caseId} task={task} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The due date as a day, with 期限超過 when an open task is past it. */
export function DueDate({ task }: { task: Pick<CaseTask, 'dueOn' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!task.dueOn) return <Text size="sm">{t('cases.tasks.noDue')}</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{task.dueOn.replaceAll('-', '/')}</Text>
      {task.overdue && (
        <Badge color="red" variant="light" size="sm">
          {t('cases.tasks.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The status as a choice for whoever may move it (sent at once with the version read), as text otherwise. */
function TaskStatus({ caseId, task }: { caseId: string; task: CaseTask }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const change = useAppMutation({
    mutationFn: updateTask,
    invalidates: [caseKeys.all],
    success: (_, v) =>
      t('cases.tasks.statusDone', { title: task.title, status: v.body.status ? localized(caseTaskStatus.labels[v.body.status]) : '' }),
  });
  if (!task.canProgress) return <Text size="sm">{localized(caseTaskStatus.labels[task.status])}</Text>;
  return (
    <Stack gap={4}>
      <NativeSelect
        size="xs"
        aria-label={t('cases.tasks.statusOf', { title: task.title })}
        value={task.status}
        disabled={change.isPending}
        data={caseTaskStatus.keys.map((k) => ({ value: k, label: localized(caseTaskStatus.labels[k]) }))}
        onChange={(event) =>
          change.mutate({ caseId, taskId: task.id, body: { version: task.version, status: event.currentTarget.value as CaseTaskStatus } })
        }
      />
      {change.isError && <ErrorAlert error={change.error} title={t('cases.tasks.failed')} hideDetails />}
    </Stack>
  );
}

/** 捜査事項を追加: 件名, for whom (people and units who may read the case), 期限, メモ; or the 手口's checklist. */
function AddTask({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const choices = useQuery(taskAssigneesQueryOptions(detail.id));
  const templates = useQuery({ ...taskTemplatesQueryOptions, enabled: detail.modus !== null });
  const hasTemplate = templates.data?.items.some((x) => x.modus === detail.modus && x.items.length > 0) ?? false;
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const add = useAppMutation({
    mutationFn: createTask,
    invalidates: [caseKeys.all],
    success: t('cases.tasks.added'),
    onSuccess: () => {
      setTitle('');
      setDueOn('');
      setNote('');
    },
  });
  const fromTemplate = useAppMutation({
    mutationFn: applyTaskTemplate,
    invalidates: [caseKeys.all],
    success: (data) => t('cases.tasks.templateAdded', { n: data.ids.length }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError(t('cases.status.required', { field: t('cases.tasks.fields.title') }));
      return;
    }
    const [kind, id] = assignee.split(':');
    add.mutate({
      caseId: detail.id,
      body: {
        title: title.trim(),
        note,
        dueOn: dueOn === '' ? null : dueOn,
        ...(kind === 'user' ? { assigneeUserId: id } : kind === 'unit' ? { assigneeUnitId: id } : {}),
      },
    });
  };
  const options = [
    { value: '', label: t('cases.tasks.toLead') },
    ...(choices.data?.people ?? []).map((p) => ({
      value: `user:${p.id}`,
      label: `${p.name}（${unitName({ name: p.unitName, nameEn: p.unitNameEn })}）`,
    })),
    ...(choices.data?.units ?? []).map((u) => ({ value: `unit:${u.id}`, label: t('cases.tasks.unitTask', { unit: unitName(u) }) })),
  ];
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.tasks.add')}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('cases.tasks.add')}
        </Text>
        <TextInput
          label={t('cases.tasks.fields.title')}
          required
          maxLength={200}
          value={title}
          error={titleError}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            setTitleError(undefined);
          }}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('cases.tasks.fields.assignee')}
            value={assignee}
            data={options}
            onChange={(event) => setAssignee(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('cases.tasks.fields.dueOn')}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('cases.tasks.fields.note')}
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {add.isError && <ErrorAlert error={add.error} title={t('cases.tasks.addFailed')} hideDetails />}
        {fromTemplate.isError && <ErrorAlert error={fromTemplate.error} title={t('cases.tasks.addFailed')} hideDetails />}
        <Group gap="sm">
          <Button type="submit" loading={add.isPending}>
            {t('cases.tasks.submit')}
          </Button>
          {hasTemplate && (
            <Button variant="light" loading={fromTemplate.isPending} onClick={() => fromTemplate.mutate({ caseId: detail.id })}>
              {t('cases.tasks.fromTemplate')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
