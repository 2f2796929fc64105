import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jstDay } from '../../../contracts/datetime.js';
import { type Warrant, type WarrantKind, type WarrantStatus, warrantKind, warrantStatus } from '../../../contracts/legal.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocalized } from '../../i18n/index.js';
import { createWarrant, legalKeys, transitionWarrant, warrantsQueryOptions } from './legal.api.js';

const slash = (day: string) => day.replaceAll('-', '/');
const statusColor: Record<WarrantStatus, string> = {
  requested: 'gray',
  issued: 'blue',
  executed: 'green',
  returned: 'dark',
  rejected: 'dark',
};

/**
 * 令状: the case's warrants from the request to the court to execution or return, with the period
 * each may be executed in (an issued one past it is marked), and a form to record a request.
 */
export function CaseWarrants({ caseId, canEdit }: { caseId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const warrants = useQuery(warrantsQueryOptions(caseId));
  if (warrants.isError) return <ErrorAlert error={warrants.error} title={t('cases.warrants.loadFailed')} />;
  const items = warrants.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('cases.warrants.title')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{t('cases.warrants.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" aria-label={t('cases.warrants.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((w) => (
            <WarrantCard key={w.id} caseId={caseId} warrant={w} />
          ))}
        </Stack>
      )}
      {canEdit && <RequestWarrant caseId={caseId} />}
    </Stack>
  );
}

function WarrantCard({ caseId, warrant: w }: { caseId: string; warrant: Warrant }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const kind = localized(warrantKind.labels[w.kind]);
  return (
    <Paper component="li" withBorder p="sm" aria-label={`${kind} ${w.court}`}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {kind}
          </Text>
          <Badge color={statusColor[w.status]} variant="light">
            {localized(warrantStatus.labels[w.status])}
          </Badge>
          {w.expired && (
            <Badge color="red" variant="light">
              {t('cases.warrants.expired')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('cases.warrants.courtWas', { court: w.court, day: slash(w.requestedOn), name: w.requestedBy.name })}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {w.target}
        </Text>
        {w.issuedOn && w.expiresOn && (
          <Text size="sm">{t('cases.warrants.period', { from: slash(w.issuedOn), to: slash(w.expiresOn) })}</Text>
        )}
        {w.executedOn && <Text size="sm">{t('cases.warrants.executedWas', { day: slash(w.executedOn) })}</Text>}
        {w.reason && (
          <Text size="sm" c="dimmed">
            {t('cases.warrants.reasonWas', { reason: w.reason })}
          </Text>
        )}
        {w.nextStatuses.length > 0 && <WarrantSteps caseId={caseId} warrant={w} />}
      </Stack>
    </Paper>
  );
}

/** The next step the case team records: 発付 (dates), 却下 (why), 執行 (the day), 未執行返還 (why). */
function WarrantSteps({ caseId, warrant: w }: { caseId: string; warrant: Warrant }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const today = jstDay(new Date());
  const [to, setTo] = useState<WarrantStatus>(w.nextStatuses[0] as WarrantStatus);
  const [issuedOn, setIssuedOn] = useState(today);
  const [expiresOn, setExpiresOn] = useState('');
  const [executedOn, setExecutedOn] = useState(today);
  const [reason, setReason] = useState('');
  const step = useAppMutation({
    mutationFn: transitionWarrant,
    invalidates: [legalKeys.warrants(caseId)],
    success: (_d, v) => t('cases.warrants.moved', { status: localized(warrantStatus.labels[v.body.to]) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const extra =
      to === 'issued'
        ? { issuedOn, ...(expiresOn ? { expiresOn } : {}) }
        : to === 'executed'
          ? { executedOn }
          : reason.trim()
            ? { reason: reason.trim() }
            : {};
    step.mutate({ caseId, warrantId: w.id, body: { to, version: w.version, ...extra } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.warrants.stepLabel', { kind: localized(warrantKind.labels[w.kind]) })}>
      <Group gap={6} align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('cases.warrants.record')}
          value={to}
          data={w.nextStatuses.map((s) => ({ value: s, label: localized(warrantStatus.labels[s]) }))}
          onChange={(e) => setTo(e.currentTarget.value as WarrantStatus)}
        />
        {to === 'issued' && (
          <>
            <TextInput
              size="xs"
              type="date"
              label={t('cases.warrants.issuedOn')}
              value={issuedOn}
              onChange={(e) => setIssuedOn(e.currentTarget.value)}
            />
            <TextInput
              size="xs"
              type="date"
              label={t('cases.warrants.expiresOn')}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
            />
          </>
        )}
        {to === 'executed' && (
          <TextInput
            size="xs"
            type="date"
            label={t('cases.warrants.executedOn')}
            value={executedOn}
            onChange={(e) => setExecutedOn(e.currentTarget.value)}
          />
        )}
        {(to === 'rejected' || to === 'returned') && (
          <TextInput
            size="xs"
            label={t('cases.warrants.reason')}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        <Button size="xs" type="submit" variant="light" loading={step.isPending}>
          {t('cases.warrants.save')}
        </Button>
      </Group>
      {step.isError && <ErrorAlert error={step.error} title={t('cases.warrants.stepFailed')} />}
    </form>
  );
}

/** 令状を請求: 種別, 請求先の裁判所, 対象 (場所・物・者), 請求日. */
function RequestWarrant({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [kind, setKind] = useState<WarrantKind>('searchSeizure');
  const [court, setCourt] = useState('');
  const [target, setTarget] = useState('');
  const [requestedOn, setRequestedOn] = useState(jstDay(new Date()));
  const [errors, setErrors] = useState<{ court?: string; target?: string }>({});
  const save = useAppMutation({
    mutationFn: createWarrant,
    invalidates: [legalKeys.warrants(caseId)],
    success: t('cases.warrants.requested'),
    onSuccess: () => {
      setCourt('');
      setTarget('');
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = {
      ...(court.trim() === '' ? { court: t('cases.status.required', { field: t('cases.warrants.court') }) } : {}),
      ...(target.trim() === '' ? { target: t('cases.status.required', { field: t('cases.warrants.target') }) } : {}),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    save.mutate({ caseId, body: { kind, court: court.trim(), target: target.trim(), requestedOn } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.warrants.request')}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('cases.warrants.request')}
        </Text>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('cases.warrants.kind')}
            value={kind}
            data={warrantKind.keys.map((k) => ({ value: k, label: localized(warrantKind.labels[k]) }))}
            onChange={(e) => setKind(e.currentTarget.value as WarrantKind)}
          />
          <TextInput
            label={t('cases.warrants.court')}
            placeholder={t('cases.warrants.courtHint')}
            maxLength={120}
            value={court}
            onChange={(e) => setCourt(e.currentTarget.value)}
            error={errors.court}
          />
          <TextInput
            type="date"
            label={t('cases.warrants.requestedOn')}
            value={requestedOn}
            onChange={(e) => setRequestedOn(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('cases.warrants.target')}
          description={t('cases.warrants.targetHint')}
          autosize
          minRows={2}
          maxLength={4000}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          error={errors.target}
        />
        {save.isError && <ErrorAlert error={save.error} title={t('cases.warrants.requestFailed')} />}
        <Group>
          <Button type="submit" variant="outline" loading={save.isPending}>
            {t('cases.warrants.requestSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
