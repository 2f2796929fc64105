import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jstDay } from '../../../contracts/datetime.js';
import { type LegalKind, type LegalProcess, type LegalStatus, legalKind, legalStatus } from '../../../contracts/legal.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocalized } from '../../i18n/index.js';
import {
  createLegal,
  legalKeys,
  legalQueryOptions,
  letterPrefixQueryOptions,
  letterUrl,
  putLetterPrefix,
  recipientsQueryOptions,
  transitionLegal,
} from './legal.api.js';

/**
 * 照会・保全: the case's letters (捜査関係事項照会書, 保全要請書) with their 文書番号 and status, the
 * PDF of each (「案」 until approved), the steps the caller may take (決裁 for a second person of the
 * drafting unit, 送付・回答 for the case team), and a form to draft one.
 */
export function CaseLegal({ caseId, canEdit, canApprove }: { caseId: string; canEdit: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const letters = useQuery(legalQueryOptions(caseId));
  if (letters.isError) return <ErrorAlert error={letters.error} title={t('cases.legal.loadFailed')} />;
  const items = letters.data?.items ?? [];
  return (
    <Stack gap="sm">
      {items.length === 0 ? <Text size="sm">{t('cases.legal.none')}</Text> : <LegalTable caseId={caseId} items={items} />}
      {canEdit && <DraftLetter caseId={caseId} />}
      {canApprove && <LetterPrefix />}
    </Stack>
  );
}

/** 文書記号: the prefix the unit's letters are numbered under (宮本サ対第1号), set by its approvers. */
function LetterPrefix() {
  const { t } = useTranslation();
  const current = useQuery(letterPrefixQueryOptions);
  const [editing, setEditing] = useState<string | null>(null);
  const save = useAppMutation({
    mutationFn: putLetterPrefix,
    invalidates: [legalKeys.prefix],
    success: (data) => t('cases.legal.prefixSaved', { prefix: data.prefix }),
    onSuccess: () => setEditing(null),
  });
  if (!current.data) return null;
  if (editing === null)
    return (
      <Group gap="xs">
        <Text size="sm">{t('cases.legal.prefixIs', { prefix: current.data.prefix })}</Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(current.data.prefix)}>
          {t('cases.legal.prefixChange')}
        </Button>
      </Group>
    );
  return (
    <form
      aria-label={t('cases.legal.prefixLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        if (editing.trim() !== '') save.mutate(editing.trim());
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label={t('cases.legal.prefixLabel')}
          description={t('cases.legal.prefixHint')}
          maxLength={20}
          value={editing}
          onChange={(e) => setEditing(e.currentTarget.value)}
        />
        <Button size="xs" type="submit" loading={save.isPending}>
          {t('cases.legal.prefixSave')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>
          {t('common.cancel')}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} title={t('cases.legal.stepFailed')} hideDetails />}
    </form>
  );
}

/** One card a letter, full width: a table's columns left the recipient and the steps too narrow. */
function LegalTable({ caseId, items }: { caseId: string; items: LegalProcess[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Stack component="ul" gap="xs" aria-label={t('cases.legal.tableLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((l) => (
        <Paper component="li" key={l.id} withBorder p="sm" aria-label={l.letterNo ?? l.subject}>
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {localized(legalKind.labels[l.kind])}
              </Text>
              <Text size="sm">{l.letterNo ?? t('cases.legal.noNumber')}</Text>
              <Anchor href={letterUrl(caseId, l.id)} download size="sm">
                {l.letterNo ? t('cases.legal.pdf') : t('cases.legal.pdfDraft')}
              </Anchor>
            </Group>
            <Text size="sm">
              {t('cases.legal.to', { name: l.recipient.department ? `${l.recipient.name} ${l.recipient.department}` : l.recipient.name })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {l.subject}
            </Text>
            {l.answer && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {t('cases.legal.answerWas', { answer: l.answer })}
              </Text>
            )}
            <LegalSteps caseId={caseId} letter={l} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

const statusColor: Record<LegalStatus, string> = { draft: 'gray', approved: 'blue', sent: 'indigo', answered: 'green', withdrawn: 'dark' };

/** The status, who drafted and approved it, and the steps this caller may take now. */
function LegalSteps({ caseId, letter }: { caseId: string; letter: LegalProcess }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [sentOn, setSentOn] = useState(jstDay(new Date()));
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const step = useAppMutation({
    mutationFn: transitionLegal,
    invalidates: [legalKeys.ofCase(caseId)],
    success: (data, v) =>
      v.body.to === 'approved'
        ? t('cases.legal.approvedAs', { no: data.letterNo ?? '' })
        : t('cases.legal.moved', { status: localized(legalStatus.labels[v.body.to]) }),
  });
  const go = (to: LegalStatus, extra: object = {}) =>
    step.mutate({ caseId, legalId: letter.id, body: { to, version: letter.version, ...extra } });
  const can = (s: LegalStatus) => letter.nextStatuses.includes(s);
  return (
    <Stack gap={6}>
      <Group gap={4}>
        <Badge color={statusColor[letter.status]} variant="light">
          {localized(legalStatus.labels[letter.status])}
        </Badge>
        {letter.overdue && (
          <Badge color="red" variant="light">
            {t('cases.legal.overdue')}
          </Badge>
        )}
      </Group>
      {letter.dueOn && <Text size="xs">{t('cases.legal.dueOnWas', { day: letter.dueOn.replaceAll('-', '/') })}</Text>}
      <Text size="xs" c="dimmed">
        {t('cases.legal.draftedBy', { name: letter.draftedBy.name })}
        {letter.approvedBy && ` ／ ${t('cases.legal.approvedBy', { name: letter.approvedBy.name })}`}
        {letter.sentOn && ` ／ ${t('cases.legal.sentOnWas', { day: letter.sentOn.replaceAll('-', '/') })}`}
      </Text>
      {letter.status === 'draft' && letter.mine && <Text size="xs">{t('cases.legal.awaitingApproval')}</Text>}
      {can('approved') && (
        <Button size="xs" onClick={() => go('approved')} loading={step.isPending}>
          {t('cases.legal.approve')}
        </Button>
      )}
      {can('sent') && (
        <Group gap={4} align="flex-end">
          <TextInput
            size="xs"
            type="date"
            label={t('cases.legal.fields.sentOn')}
            value={sentOn}
            onChange={(e) => setSentOn(e.currentTarget.value)}
          />
          <Button size="xs" onClick={() => go('sent', { sentOn })} loading={step.isPending}>
            {t('cases.legal.markSent')}
          </Button>
        </Group>
      )}
      {can('answered') && (
        <Stack gap={4}>
          <Textarea
            size="xs"
            label={t('cases.legal.fields.answer')}
            autosize
            minRows={2}
            maxLength={8000}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
          />
          <Button size="xs" variant="light" onClick={() => go('answered', { answer })} loading={step.isPending}>
            {t('cases.legal.recordAnswer')}
          </Button>
        </Stack>
      )}
      {can('withdrawn') && (
        <Group gap={4} align="flex-end">
          <TextInput
            size="xs"
            label={t('cases.legal.fields.reason')}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button size="xs" variant="subtle" color="red" onClick={() => go('withdrawn', { reason })} loading={step.isPending}>
            {t('cases.legal.withdraw')}
          </Button>
        </Group>
      )}
      {step.isError && <ErrorAlert error={step.error} title={t('cases.legal.stepFailed')} hideDetails />}
    </Stack>
  );
}

/** 照会書を起案: 種別, 照会先 (from the registry), 照会事項, 回答期限. */
function DraftLetter({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const recipients = useQuery(recipientsQueryOptions);
  const [kind, setKind] = useState<LegalKind>('inquiry');
  const [recipientId, setRecipientId] = useState('');
  const [subject, setSubject] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<{ recipient?: string; subject?: string }>({});
  const draft = useAppMutation({
    mutationFn: createLegal,
    invalidates: [legalKeys.ofCase(caseId)],
    success: t('cases.legal.drafted'),
    onSuccess: () => {
      setSubject('');
      setDueOn('');
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = {
      ...(recipientId === '' ? { recipient: t('cases.status.required', { field: t('cases.legal.fields.recipient') }) } : {}),
      ...(subject.trim() === '' ? { subject: t('cases.status.required', { field: t('cases.legal.fields.subject') }) } : {}),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    draft.mutate({ caseId, body: { kind, recipientId, subject: subject.trim(), dueOn: dueOn === '' ? null : dueOn } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.legal.draft')}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('cases.legal.draft')}
        </Text>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('cases.legal.fields.kind')}
            value={kind}
            data={legalKind.keys.map((k) => ({ value: k, label: localized(legalKind.labels[k]) }))}
            onChange={(e) => setKind(e.currentTarget.value as LegalKind)}
          />
          <NativeSelect
            label={t('cases.legal.fields.recipient')}
            required
            value={recipientId}
            error={errors.recipient}
            data={[
              { value: '', label: t('cases.legal.choose') },
              ...(recipients.data?.items ?? []).map((r) => ({
                value: r.id,
                label: r.department ? `${r.name}（${r.department}）` : r.name,
              })),
            ]}
            onChange={(e) => setRecipientId(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('cases.legal.fields.subject')}
          description={t('cases.legal.subjectHint')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={subject}
          error={errors.subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('cases.legal.fields.dueOn')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          style={{ maxWidth: 200 }}
        />
        {draft.isError && <ErrorAlert error={draft.error} title={t('cases.legal.draftFailed')} hideDetails />}
        <Group>
          <Button type="submit" loading={draft.isPending}>
            {t('cases.legal.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
