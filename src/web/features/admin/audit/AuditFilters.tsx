import type { ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabels, auditCatalogue } from '../../../../contracts/audit.contracts.js';
import type { Unit, User } from '../../../../contracts/org.contracts.js';
import { useLocalized } from '../../../i18n/index.js';
import { jstInputToUtcIso } from '../../../lib/datetime.js';
import { useUnitOptions } from '../units/useUnitOptions.js';
import type { AuditFilters as Filters } from './api.js';

interface Draft {
  actorUserId: string;
  actorUnitId: string;
  action: string;
  targetType: string;
  targetId: string;
  outcome: '' | 'success' | 'failure' | 'denied';
  /** datetime-local values, read as JST. */
  from: string;
  to: string;
}

const EMPTY: Draft = { actorUserId: '', actorUnitId: '', action: '', targetType: '', targetId: '', outcome: '', from: '', to: '' };

/** 結果: the CSIRT looks for refused attempts (拒否) — need-to-know, permissions, token scopes. */
const OUTCOME_LABEL = { ja: '結果', en: 'Outcome' };
const OUTCOMES = [
  { value: 'denied', label: { ja: '拒否（不正閲覧の疑いを含む）', en: 'Denied' } },
  { value: 'failure', label: { ja: '失敗', en: 'Failed' } },
  { value: 'success', label: { ja: '成功', en: 'Succeeded' } },
] as const;

interface AuditFiltersProps {
  onApply: (filters: Filters) => void;
  /** Users for the 操作者 select (org.users.read); without them the id is typed. */
  users: readonly User[] | undefined;
  /** Units for the 所属 select (org.units.read); without them the id is typed. */
  units: readonly Unit[] | undefined;
}

export function AuditFilters({ onApply, users, units }: AuditFiltersProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitOptions = useUnitOptions(units);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});
  const set = (key: keyof Draft) => (value: string | null) => setDraft((current) => ({ ...current, [key]: value ?? '' }));

  const actionLabel = (key: string) => {
    const label = auditActionLabels[key];
    return label ? localized(label) : key;
  };
  /** Every catalogued action, under its domain's heading (相談受理, 組織・職員, …). */
  const actionGroups = auditCatalogue.map((g) => ({ group: localized(g.label), items: Object.keys(g.actions) }));
  /** Match the typed text against both the label (ログイン) and the key (auth.login), inside each group. */
  const actionFilter: OptionsFilter = ({ options, search }) => {
    const needle = search.trim().toLowerCase();
    if (!needle) return options;
    const hit = (value: string) => value.toLowerCase().includes(needle) || actionLabel(value).toLowerCase().includes(needle);
    return options.flatMap((item: ComboboxParsedItem): ComboboxParsedItem[] => {
      if (!('group' in item)) return hit(item.value) ? [item] : [];
      const items = item.items.filter((option) => hit(option.value));
      return items.length > 0 ? [{ ...item, items }] : [];
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = jstInputToUtcIso(draft.from);
    const to = jstInputToUtcIso(draft.to, { endOfMinute: true });
    const errors: { from?: string; to?: string } = {};
    if (from === null) errors.from = t('admin.audit.filters.dateInvalid');
    if (to === null) errors.to = t('admin.audit.filters.dateInvalid');
    if (from && to && from > to) errors.to = t('admin.audit.filters.rangeInvalid');
    setDateErrors(errors);
    if (errors.from || errors.to) return;
    const text = (value: string) => value.trim() || undefined;
    onApply({
      actorUserId: text(draft.actorUserId),
      actorUnitId: text(draft.actorUnitId),
      action: text(draft.action),
      targetType: text(draft.targetType),
      targetId: text(draft.targetId),
      outcome: draft.outcome || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
    });
  };

  const clear = () => {
    setDraft(EMPTY);
    setDateErrors({});
    onApply({});
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.audit.filters.label')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {users ? (
            <Select
              label={t('admin.audit.filters.actor')}
              placeholder={t('common.all')}
              data={users.map((user) => ({ value: user.id, label: `${user.displayName}（${user.loginId}）` }))}
              value={draft.actorUserId || null}
              onChange={set('actorUserId')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
            />
          ) : (
            <TextInput
              label={t('admin.audit.filters.actorId')}
              maxLength={100}
              ff="monospace"
              value={draft.actorUserId}
              onChange={(e) => set('actorUserId')(e.currentTarget.value)}
            />
          )}
          {units ? (
            <Select
              label={t('admin.audit.filters.unit')}
              placeholder={t('common.all')}
              data={unitOptions.data}
              renderOption={unitOptions.renderOption}
              value={draft.actorUnitId || null}
              onChange={set('actorUnitId')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
            />
          ) : (
            <TextInput
              label={t('admin.audit.filters.unitId')}
              maxLength={100}
              ff="monospace"
              value={draft.actorUnitId}
              onChange={(e) => set('actorUnitId')(e.currentTarget.value)}
            />
          )}
          <Autocomplete
            label={t('admin.audit.filters.action')}
            description={t('admin.audit.filters.actionHint')}
            data={actionGroups}
            filter={actionFilter}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{actionLabel(option.value)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {option.value}
                </Text>
              </Stack>
            )}
            maxLength={100}
            ff="monospace"
            value={draft.action}
            onChange={set('action')}
            clearable
          />
          <TextInput
            label={t('admin.audit.filters.targetType')}
            maxLength={50}
            ff="monospace"
            value={draft.targetType}
            onChange={(e) => set('targetType')(e.currentTarget.value)}
          />
          <TextInput
            label={t('admin.audit.filters.targetId')}
            maxLength={100}
            ff="monospace"
            value={draft.targetId}
            onChange={(e) => set('targetId')(e.currentTarget.value)}
          />
          <Select
            label={localized(OUTCOME_LABEL)}
            placeholder={t('common.all')}
            data={OUTCOMES.map((o) => ({ value: o.value, label: localized(o.label) }))}
            value={draft.outcome || null}
            onChange={set('outcome')}
            clearable
          />
          <TextInput
            type="datetime-local"
            label={t('admin.audit.filters.from')}
            value={draft.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
            error={dateErrors.from}
          />
          <TextInput
            type="datetime-local"
            label={t('admin.audit.filters.to')}
            value={draft.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
            error={dateErrors.to}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('admin.audit.filters.jstNote')}
        </Text>
        <Group gap="sm">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="outline" onClick={clear}>
            {t('common.clearFilters')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
