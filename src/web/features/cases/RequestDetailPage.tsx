import { Anchor, Button, Grid, Group, Radio, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RequestDetail,
  type RequestStatus,
  type RequestTransition,
  requestChannel,
  requestKind,
  requestStatus,
} from '../../../contracts/requests.contracts.js';
import { isApiError, isRetryable } from '../../api/errors.js';
import { useAppMutation } from '../../api/mutation.js';
import { DetailSection } from '../../components/DetailSection.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FactTable } from '../../components/FactTable.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLocalized } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { caseKeys } from './api.js';
import { RequestDue, RequestStatusBadge } from './RequestTable.js';
import { replyToRequest, requestDetailQueryOptions, transitionRequest } from './requests.api.js';

/** 支援要請の詳細: what was asked, by whom of whom, where it stands, its timeline, and what the caller may do next. */
export function RequestDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery(requestDetailQueryOptions(id));
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) {
    return (
      <Stack gap="sm">
        <PageHeading title={t('cases.requests.detailTitle')} order={1} />
        <ErrorAlert error={detail.error} onRetry={isRetryable(detail.error) ? () => void detail.refetch() : undefined} />
        <Anchor component={Link} to="/cases/requests">
          {t('cases.requests.back')}
        </Anchor>
      </Stack>
    );
  }
  return <RequestView key={detail.data.version} r={detail.data} onReload={() => void detail.refetch()} />;
}

function RequestView({ r, onReload }: { r: RequestDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const rows: [string, ReactNode][] = [
    [t('cases.requests.fields.requestNo'), r.requestNo],
    [t('cases.requests.fields.kind'), localized(requestKind.labels[r.kind])],
    [t('cases.requests.fields.status'), <RequestStatusBadge key="s" status={r.status} />],
    [t('cases.requests.fields.route'), t('cases.requests.route', { from: r.fromUnitName, to: r.toUnitName })],
    [t('cases.requests.fields.dueAt'), <RequestDue key="d" request={r} />],
    [t('cases.requests.fields.sentAt'), formatJst(r.createdAt)],
    ...(r.caseId
      ? [
          [
            t('cases.requests.fields.case'),
            <Anchor key="c" renderRoot={(props) => <Link to="/cases/$id" params={{ id: r.caseId as string }} {...props} />} size="sm">
              {r.caseNo}
            </Anchor>,
          ] as [string, ReactNode],
        ]
      : []),
    ...(r.country ? [[t('cases.requests.fields.country'), r.country] as [string, ReactNode]] : []),
    ...(r.channel ? [[t('cases.requests.fields.channel'), localized(requestChannel.labels[r.channel])] as [string, ReactNode]] : []),
  ];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/cases/requests" size="sm">
        {t('cases.requests.back')}
      </Anchor>
      <PageHeading title={`${r.requestNo} ${r.title}`} order={1} style={{ overflowWrap: 'anywhere' }} />
      <Text size="xs" c="dimmed">
        {t('common.jstNote')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <DetailSection title={t('cases.requests.what')} order={2}>
              <FactTable rows={rows} />
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.body}
              </Text>
            </DetailSection>
            {(r.answer || r.declineReason) && (
              <DetailSection title={r.answer ? t('cases.requests.answer') : t('cases.requests.declineReason')} order={2}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {r.answer ?? r.declineReason}
                </Text>
              </DetailSection>
            )}
            <DetailSection title={t('cases.requests.timeline')} order={2}>
              <Timeline bulletSize={12} lineWidth={2}>
                {r.messages.map((m) => (
                  <Timeline.Item key={m.id} title={`${formatJst(m.at)} ${m.unitName}${m.userName ? ` ${m.userName}` : ''}`}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} fw={m.kind === 'status' ? 600 : undefined}>
                      {m.text}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              {r.parties.length > 0 && <ReplyForm id={r.id} />}
            </DetailSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DetailSection title={t('cases.status.section')} order={2}>
            <RequestStatusForm r={r} onReload={onReload} />
          </DetailSection>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** What each change asks for: 辞退 the reason, 回答 the answer, 取下げ and 再依頼 a reason. */
function askedField(from: RequestStatus, to: RequestStatus): 'declineReason' | 'answer' | 'reason' | null {
  if (to === 'declined') return 'declineReason';
  if (to === 'answered') return 'answer';
  if (to === 'withdrawn' || (to === 'inProgress' && from === 'answered')) return 'reason';
  return null;
}

function RequestStatusForm({ r, onReload }: { r: RequestDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [to, setTo] = useState<RequestStatus | undefined>(r.nextStatuses[0]);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const change = useAppMutation({
    mutationFn: transitionRequest,
    invalidates: [caseKeys.all],
    success: (data) => t('cases.requests.moved', { status: localized(requestStatus.labels[data.status]), requestNo: r.requestNo }),
  });
  if (r.nextStatuses.length === 0) return <Text size="sm">{t('cases.requests.noNext')}</Text>;
  const field = to ? askedField(r.status, to) : null;
  const conflict = change.isError && isApiError(change.error) && change.error.code === 'cases.request_version_conflict';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!to) return;
    if (field && !text.trim()) return setMissing(true);
    const body: RequestTransition = { to, version: r.version, ...(field ? { [field]: text.trim() } : {}) };
    change.mutate({ id: r.id, body });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.status.section')}>
      <Stack gap="sm">
        <Radio.Group label={t('cases.status.to')} value={to ?? ''} onChange={(value) => setTo(value as RequestStatus)}>
          <Stack gap={6} mt={4}>
            {r.nextStatuses.map((s) => (
              <Radio key={s} value={s} label={localized(requestStatus.labels[s])} />
            ))}
          </Stack>
        </Radio.Group>
        {field && (
          <Textarea
            label={t(`cases.requests.fields.${field}`)}
            required
            autosize
            minRows={3}
            maxLength={8000}
            value={text}
            error={missing ? t('cases.status.required', { field: t(`cases.requests.fields.${field}`) }) : undefined}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setMissing(false);
            }}
          />
        )}
        {change.isError && <ErrorAlert error={change.error} title={t('cases.status.failed')} hideDetails />}
        <Group gap="sm">
          <Button type="submit" loading={change.isPending} disabled={conflict}>
            {t('cases.status.submit')}
          </Button>
          {conflict && (
            <Button variant="default" onClick={onReload}>
              {t('cases.status.reload')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function ReplyForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const reply = useAppMutation({
    mutationFn: replyToRequest,
    invalidates: [caseKeys.all],
    success: t('cases.requests.replied'),
    onSuccess: () => setText(''),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim()) reply.mutate({ id, text: text.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.requests.reply')}>
      <Stack gap="xs">
        <Textarea
          label={t('cases.requests.reply')}
          autosize
          minRows={2}
          maxLength={8000}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {reply.isError && <ErrorAlert error={reply.error} title={t('cases.requests.replyFailed')} hideDetails />}
        <Group>
          <Button type="submit" variant="light" loading={reply.isPending} disabled={!text.trim()}>
            {t('cases.requests.replySubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
