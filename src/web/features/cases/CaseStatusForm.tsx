import { Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, type CaseStatus, type CaseTransition, caseStatus } from '../../../contracts/cases.contracts.js';
import { isApiError } from '../../api/errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocalized } from '../../i18n/index.js';
import { caseKeys, transitionCase } from './api.js';
import { type AskedField, askedFields, storedValue, type TransitionField } from './cases.transitions.js';

type Values = Record<TransitionField, string>;

/**
 * 状態の変更: only the statuses the server offers (`nextStatuses`: the lifecycle and the officer's
 * permissions), the fields the chosen change needs, and the version the page was read at. The
 * server's refusal (409 naming the allowed states, 400 naming a missing field, a stale version) is
 * shown as it says it. The parent remounts the form per version, so it starts from what is stored.
 */
export function CaseStatusForm({ detail, onReload }: { detail: CaseDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<CaseStatus | undefined>(detail.nextStatuses[0]);
  const [values, setValues] = useState<Values>(() => ({
    arrestedCount: storedValue(detail, 'arrestedCount'),
    referredOn: storedValue(detail, 'referredOn'),
    dropReason: storedValue(detail, 'dropReason'),
    reason: '',
  }));
  const [missing, setMissing] = useState<readonly TransitionField[]>([]);
  const change = useMutation({
    mutationFn: transitionCase,
    meta: {
      success: (data: { status: CaseStatus }) =>
        t('cases.status.done', { status: localized(caseStatus.labels[data.status]), caseNo: detail.caseNo }),
    },
    // The answer is the new version and status only: read the case (and the lists) again. Not after
    // a refusal: the refetched version would remount the form and take the server's message away;
    // a stale version offers 「最新の内容を読み込む」 instead.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  const asked: AskedField[] = to ? askedFields(detail.status, to) : [];
  const conflict = change.isError && isApiError(change.error) && change.error.code === 'cases.version_conflict';

  if (detail.nextStatuses.length === 0) {
    return <Text size="sm">{t('cases.status.none')}</Text>;
  }

  const set = (field: TransitionField, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setMissing((prev) => prev.filter((f) => f !== field));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!to) return;
    const empty = asked.filter((a) => a.required && values[a.field].trim() === '').map((a) => a.field);
    setMissing(empty);
    if (empty.length > 0) return;
    const body: CaseTransition = { to, version: detail.version };
    for (const { field } of asked) {
      const value = values[field].trim();
      if (value === '') continue;
      if (field === 'arrestedCount') body.arrestedCount = Number(value);
      else body[field] = value;
    }
    change.mutate({ id: detail.id, body });
  };
  const error = (field: TransitionField) =>
    missing.includes(field) ? t('cases.status.required', { field: t(`cases.fields.${field}`) }) : undefined;
  const required = (field: TransitionField) => asked.some((a) => a.field === field && a.required);
  const shows = (field: TransitionField) => asked.some((a) => a.field === field);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('cases.status.current', { status: localized(caseStatus.labels[detail.status]) })}</Text>
        <Radio.Group
          label={t('cases.status.to')}
          value={to ?? ''}
          onChange={(value) => {
            setTo(detail.nextStatuses.find((s) => s === value));
            setMissing([]);
          }}
        >
          <Group gap="md" mt={4}>
            {detail.nextStatuses.map((status) => (
              <Radio key={status} value={status} label={localized(caseStatus.labels[status])} />
            ))}
          </Group>
        </Radio.Group>
        {shows('arrestedCount') && (
          <TextInput
            label={t('cases.fields.arrestedCount')}
            type="number"
            inputMode="numeric"
            min={0}
            max={10_000}
            w={160}
            required={required('arrestedCount')}
            error={error('arrestedCount')}
            value={values.arrestedCount}
            onChange={(event) => set('arrestedCount', event.currentTarget.value)}
          />
        )}
        {shows('referredOn') && (
          <TextInput
            label={t('cases.fields.referredOn')}
            type="date"
            w={200}
            required={required('referredOn')}
            error={error('referredOn')}
            value={values.referredOn}
            onChange={(event) => set('referredOn', event.currentTarget.value)}
          />
        )}
        {shows('dropReason') && (
          <Textarea
            label={t('cases.fields.dropReason')}
            autosize
            minRows={2}
            maxLength={2000}
            required={required('dropReason')}
            error={error('dropReason')}
            value={values.dropReason}
            onChange={(event) => set('dropReason', event.currentTarget.value)}
          />
        )}
        {shows('reason') && (
          <Textarea
            label={t('cases.fields.reason')}
            description={t('cases.status.reasonHint')}
            autosize
            minRows={2}
            maxLength={2000}
            required
            error={error('reason')}
            value={values.reason}
            onChange={(event) => set('reason', event.currentTarget.value)}
          />
        )}
        {/* The message names the allowed states or the missing field in words; the details are paths. */}
        {change.isError && (
          <ErrorAlert error={change.error} title={conflict ? t('cases.status.conflictTitle') : t('cases.status.failed')} hideDetails />
        )}
        <Group gap="sm">
          <Button type="submit" loading={change.isPending} disabled={!to || conflict}>
            {t('cases.status.submit')}
          </Button>
          {conflict && (
            <Button variant="outline" onClick={onReload}>
              {t('cases.status.reload')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
