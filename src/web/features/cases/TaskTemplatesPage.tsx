import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { taskTemplateItemSchema } from '../../../contracts/cases.tasks.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLocalized } from '../../i18n/index.js';
import { caseKeys, modusNamesQueryOptions, putTaskTemplate, taskTemplatesQueryOptions } from './api.js';

type Line = { title: string; days: string };
const toLines = (items: z.infer<typeof taskTemplateItemSchema>[]): Line[] =>
  items.map((i) => ({ title: i.title, days: i.days === null ? '' : String(i.days) }));

/**
 * 捜査事項のひな形 (intake.settings.manage): the checklist each 手口 starts a case's tasks from —
 * its lines and how many days after applying each falls due — edited line by line and saved whole.
 */
export function TaskTemplatesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const modus = useQuery(modusNamesQueryOptions);
  const templates = useQuery(taskTemplatesQueryOptions);
  const [code, setCode] = useState<string | null>(null);
  if (modus.isPending || templates.isPending) return <PageLoader />;
  if (modus.isError || templates.isError) return <ErrorAlert error={modus.error ?? templates.error} />;
  const chosen = code ?? modus.data.items[0]?.code ?? '';
  const current = templates.data.items.find((x) => x.modus === chosen)?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeading title={t('cases.templates.title')} order={1} />
      <Text size="sm">{t('cases.templates.intro')}</Text>
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label={t('cases.fields.modus')}
          value={chosen}
          data={modus.data.items.map((m) => ({ value: m.code, label: localized(m) }))}
          onChange={(e) => setCode(e.currentTarget.value)}
          maw={360}
        />
        <Anchor component={Link} to="/cases/tasks" size="sm">
          {t('cases.templates.toTasks')}
        </Anchor>
      </Group>
      {/* Keyed by 手口: another 手口 is another form, nothing half-edited carries over. */}
      <TemplateForm key={`${chosen}:${JSON.stringify(current)}`} modus={chosen} initial={toLines(current)} />
    </Stack>
  );
}

function TemplateForm({ modus, initial }: { modus: string; initial: Line[] }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<Line[]>(initial.length > 0 ? initial : [{ title: '', days: '' }]);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const save = useAppMutation({
    mutationFn: putTaskTemplate,
    invalidates: [caseKeys.templates],
    success: t('cases.templates.saved'),
  });
  const set = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const kept = lines.map((l) => ({ ...l, title: l.title.trim() })).filter((l) => l.title !== '' || l.days.trim() !== '');
    const found: Record<number, string> = {};
    kept.forEach((l, i) => {
      if (l.title === '') found[i] = t('cases.status.required', { field: t('cases.tasks.fields.title') });
      else if (l.days.trim() !== '' && !(/^\d{1,3}$/.test(l.days.trim()) && Number(l.days) <= 365))
        found[i] = t('cases.templates.daysInvalid');
    });
    setLines(kept.length > 0 ? kept : [{ title: '', days: '' }]);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ modus, items: kept.map((l) => ({ title: l.title, days: l.days.trim() === '' ? null : Number(l.days.trim()) })) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.templates.formLabel')}>
      <Stack gap="sm">
        <Table aria-label={t('cases.templates.tableLabel')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.tasks.fields.title')}</Table.Th>
              <Table.Th>{t('cases.templates.days')}</Table.Th>
              <Table.Th aria-label={t('cases.templates.remove')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; their place is what the officer edits.
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('cases.templates.lineTitle', { n: i + 1 })}
                    maxLength={200}
                    value={l.title}
                    onChange={(e) => set(i, { title: e.currentTarget.value })}
                    error={errors[i]}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('cases.templates.lineDays', { n: i + 1 })}
                    inputMode="numeric"
                    w={120}
                    value={l.days}
                    onChange={(e) => set(i, { days: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-xs"
                    aria-label={t('cases.templates.removeLine', { n: i + 1 })}
                    onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                  >
                    {t('cases.templates.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('cases.templates.daysHint')}
        </Text>
        {save.isError && <ErrorAlert error={save.error} title={t('cases.templates.failed')} />}
        <Group>
          <Button variant="default" onClick={() => setLines((ls) => [...ls, { title: '', days: '' }])} disabled={lines.length >= 50}>
            {t('cases.templates.addLine')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('cases.templates.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
