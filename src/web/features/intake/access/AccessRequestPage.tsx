import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AccessRequestDetail,
  accessDecisionSchema,
  accessRequestStateLabels,
  type RequestedRecord,
} from '../../../../contracts/intake.access.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { useAppMutation } from '../../../api/mutation.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { ReasonModal } from '../../../components/ReasonModal.js';
import { useLocalized, useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.js';
import { IndicatorAnchor, useIndicatorTypeLabel } from '../../indicators/index.js';
import { intakeKeys } from '../api.js';
import { RecordAnchor } from '../RecordAnchor.js';
import { accessRequestQueryOptions, decideAccessRequest } from './api.js';

function RecordsTable({
  label,
  records,
  chosen,
  onToggle,
}: {
  label: string;
  records: readonly RequestedRecord[];
  chosen?: Set<string>;
  onToggle?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  if (records.length === 0) return <Text size="sm">{t('intake.accessRequests.noRecords')}</Text>;
  return (
    <Table verticalSpacing="xs" aria-label={label}>
      <Table.Tbody>
        {records.map((r) => (
          <Table.Tr key={r.id}>
            {onToggle && (
              <Table.Td w={40}>
                {r.readable ? null : (
                  <Checkbox
                    checked={chosen?.has(r.id) ?? false}
                    onChange={() => onToggle(r.id)}
                    aria-label={t('intake.accessRequests.chooseRecord', { refNo: r.refNo })}
                  />
                )}
              </Table.Td>
            )}
            <Table.Td>
              <RecordAnchor recordId={r.id} ff="monospace" fw={700}>
                {r.refNo}
              </RecordAnchor>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {r.summary}
              </Text>
            </Table.Td>
            <Table.Td w={180}>
              <Text size="sm">{unitName({ name: r.owningUnitName, nameEn: r.owningUnitNameEn })}</Text>
              <Text size="xs" c="dimmed">
                {formatJst(r.receivedAt)}
              </Text>
            </Table.Td>
            {onToggle && (
              <Table.Td w={140}>
                {r.readable && (
                  <Badge color="green.8" variant="light" tt="none" radius="sm">
                    {t('intake.accessRequests.readable')}
                  </Badge>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Approve by sharing the chosen records (reveal allowed or not), or decline with a reason. */
function DecisionForm({ request }: { request: AccessRequestDetail }) {
  const { t } = useTranslation();
  const shareable = request.records.filter((r) => !r.readable);
  const [chosen, setChosen] = useState(() => new Set(shareable.map((r) => r.id)));
  const [allowReveal, setAllowReveal] = useState(false);
  const [note, setNote] = useState('');
  const [declining, setDeclining] = useState(false);
  const decide = useAppMutation({
    mutationFn: decideAccessRequest,
    invalidates: [intakeKeys.all],
    success: (result) => (result.state === 'approved' ? t('intake.toast.approved', { count: result.shared }) : t('intake.toast.declined')),
    onSuccess: () => setDeclining(false),
  });
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('intake.accessRequests.records')}
      </Title>
      <Text size="sm">{t('intake.accessRequests.choose')}</Text>
      <RecordsTable label={t('intake.accessRequests.records')} records={request.records} chosen={chosen} onToggle={toggle} />
      <Checkbox
        label={t('intake.accessRequests.allowReveal')}
        checked={allowReveal}
        onChange={(e) => setAllowReveal(e.currentTarget.checked)}
      />
      <Textarea
        label={t('intake.accessRequests.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={2}
      />
      {decide.isError && !declining && <ErrorAlert error={decide.error} />}
      <Group gap="sm">
        <Button
          disabled={chosen.size === 0}
          loading={decide.isPending && !declining}
          onClick={() =>
            decide.mutate({
              id: request.id,
              decision: { decision: 'approve', recordIds: [...chosen], allowReveal, ...(note.trim() ? { note: note.trim() } : {}) },
            })
          }
        >
          {t('intake.accessRequests.approve')}
        </Button>
        <Button variant="outline" color="red" onClick={() => setDeclining(true)}>
          {t('intake.accessRequests.decline')}
        </Button>
      </Group>
      {declining && (
        <ReasonModal
          title={t('intake.accessRequests.declineTitle')}
          body={t('intake.accessRequests.declineBody')}
          text={{
            label: t('intake.accessRequests.declineReason'),
            minRows: 3,
            maxLength: 500,
            requiredMessage: t('intake.accessRequests.declineReasonRequired'),
          }}
          submitLabel={t('intake.accessRequests.decline')}
          submitColor="red"
          onSubmit={(reason) => {
            const parsed = accessDecisionSchema.safeParse({ decision: 'decline', reason });
            if (parsed.success) decide.mutate({ id: request.id, decision: parsed.data });
            return parsed.success;
          }}
          onClose={() => setDeclining(false)}
          pending={decide.isPending}
          error={decide.error}
        />
      )}
    </Stack>
  );
}

/** One 閲覧依頼 with its context: the value, who asks and why, their records and the others'; the decision. */
export function AccessRequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const typeLabel = useIndicatorTypeLabel();
  const request = useQuery(accessRequestQueryOptions(id));
  // The title while the request loads too (the heading below sets the same).
  useDocumentTitle(t('intake.accessRequests.detailTitle'));
  if (request.isPending) return <PageLoader />;
  if (request.isError)
    return <ErrorAlert error={request.error} onRetry={isRetryable(request.error) ? () => void request.refetch() : undefined} />;
  const r = request.data;
  return (
    <Stack gap="md">
      <Anchor renderRoot={(props) => <Link to="/intake/access-requests" {...props} />} size="sm">
        {t('intake.accessRequests.backToList')}
      </Anchor>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="sm">
            <PageHeading title={t('intake.accessRequests.detailTitle')} />
            <Badge variant="light" tt="none" radius="sm">
              {localized(accessRequestStateLabels[r.state])}
            </Badge>
          </Group>
          <Text>
            {t('intake.accessRequests.indicator')}:{' '}
            <IndicatorAnchor indicatorId={r.indicator.id} fw={700}>
              {typeLabel(r.indicator.type)} {r.indicator.value}
            </IndicatorAnchor>
            （{t('intake.accessRequests.hidden', { count: r.hidden })}）
          </Text>
          <Text>
            {t('intake.accessRequests.requester')}: {unitName({ name: r.requesterUnitName, nameEn: r.requesterUnitNameEn })}{' '}
            {r.requesterName}（{formatJst(r.createdAt)}）
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {t('intake.accessRequests.reason')}: {r.reason}
          </Text>
          {r.state !== 'pending' && (
            <>
              <Text>
                {t('intake.accessRequests.decision')}:{' '}
                {t('intake.accessRequests.decidedBy', { at: formatJst(r.decidedAt), name: r.decidedByName ?? '—' })}
                {r.state === 'approved' && `（${t('intake.accessRequests.shared', { count: r.shared })}）`}
              </Text>
              {r.decisionReason && (
                <Text style={{ whiteSpace: 'pre-wrap' }}>
                  {t('intake.accessRequests.decisionReason')}: {r.decisionReason}
                </Text>
              )}
            </>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('intake.accessRequests.ownRecords')}
          </Title>
          <RecordsTable label={t('intake.accessRequests.ownRecords')} records={r.ownRecords} />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        {r.state === 'pending' ? (
          <DecisionForm request={r} />
        ) : (
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('intake.accessRequests.records')}
            </Title>
            <RecordsTable label={t('intake.accessRequests.records')} records={r.records} />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
