import { Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, caseStatus } from '../../../contracts/cases.contracts.js';
import { legalKind, legalStatus, warrantKind, warrantStatus } from '../../../contracts/legal.contracts.js';
import { requestKind } from '../../../contracts/requests.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { addCaseNote, caseKeys } from './api.js';

type CaseEvent = CaseDetail['timeline'][number];

const caseEventKinds = [
  'opened',
  'updated',
  'status',
  'note',
  'memberAdded',
  'memberRemoved',
  'taskAdded',
  'taskDone',
  'requestSent',
  'letterDrafted',
  'letter',
  'warrant',
] as const;
type CaseEventKind = (typeof caseEventKinds)[number];
const isKind = (kind: string): kind is CaseEventKind => (caseEventKinds as readonly string[]).includes(kind);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** The edited fields, by the names the overview gives them. */
const fieldLabel = { title: 'title', category: 'category', modus: 'modus', narrative: 'narrative', leadUserId: 'lead' } as const;
const isField = (f: unknown): f is keyof typeof fieldLabel => typeof f === 'string' && f in fieldLabel;

/** The event's detail in words: the new status, who joined, which letter moved where. */
function useEventLines(): (event: CaseEvent) => string[] {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  return (event) => {
    const d = event.detail ?? {};
    const status = caseStatus.keys.find((k) => k === d.to);
    const letterKind = legalKind.keys.find((k) => k === d.kind);
    const letterStatus = legalStatus.keys.find((k) => k === d.to);
    const reqKind = requestKind.keys.find((k) => k === d.kind);
    switch (event.kind) {
      case 'status':
        return status ? [t('cases.timeline.newStatus', { status: localized(caseStatus.labels[status]) })] : [];
      case 'updated':
        return Array.isArray(d.fields) && d.fields.length > 0
          ? [
              t('cases.timeline.changed', {
                fields: d.fields
                  .filter(isField)
                  .map((f) => t(`cases.fields.${fieldLabel[f]}`))
                  .join(t('common.listSeparator')),
              }),
            ]
          : [];
      case 'memberAdded':
      case 'memberRemoved': {
        const unit = str(d.unit);
        return [`${str(d.name) ?? ''}（${unit ? unitName({ name: unit, nameEn: str(d.unitEn) }) : '—'}）`];
      }
      case 'requestSent':
        return [[str(d.requestNo), reqKind ? localized(requestKind.labels[reqKind]) : undefined].filter(Boolean).join(' ')];
      case 'letterDrafted':
        return letterKind ? [localized(legalKind.labels[letterKind])] : [];
      case 'letter':
        return [
          [
            letterKind ? localized(legalKind.labels[letterKind]) : '',
            str(d.letterNo) ?? '',
            letterStatus ? `→ ${localized(legalStatus.labels[letterStatus])}` : '',
          ]
            .filter(Boolean)
            .join(' '),
        ];
      case 'warrant': {
        const wKind = warrantKind.keys.find((k) => k === d.kind);
        const wStatus = warrantStatus.keys.find((k) => k === d.to);
        return [
          [
            wKind ? localized(warrantKind.labels[wKind]) : '',
            str(d.court) ?? '',
            wStatus ? `→ ${localized(warrantStatus.labels[wStatus])}` : '',
          ]
            .filter(Boolean)
            .join(' '),
        ];
      }
      default:
        return [];
    }
  };
}

/** 経過: everything that happened to the case, oldest first, and the note form for those who may write one. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const lines = useEventLines();
  return (
    <Stack gap="sm">
      <Timeline bulletSize={14} lineWidth={2} active={detail.timeline.length - 1}>
        {detail.timeline.map((event) => (
          <Timeline.Item
            key={event.id}
            title={
              <Text size="sm" fw={700}>
                {isKind(event.kind) ? t(`cases.timeline.kinds.${event.kind}`) : event.kind}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatJst(event.at)}
              {event.actorName
                ? ` ${event.actorName}（${event.actorUnitName ? unitName({ name: event.actorUnitName, nameEn: event.actorUnitNameEn }) : '—'}）`
                : ''}
            </Text>
            {lines(event).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
            {event.text && (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {event.text}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {detail.canNote && <CaseNoteForm caseId={detail.id} />}
    </Stack>
  );
}

/** 捜査メモ: the values written in it are read and related to other records like the narrative's. */
function CaseNoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = useAppMutation({
    mutationFn: addCaseNote,
    invalidates: [caseKeys.detail(caseId)],
    success: t('cases.timeline.noteAdded'),
    onSuccess: () => setText(''),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('cases.status.required', { field: t('cases.timeline.noteLabel') }));
      return;
    }
    setError(undefined);
    save.mutate({ id: caseId, text: text.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.timeline.noteForm')}>
      <Stack gap="xs" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Textarea
          label={t('cases.timeline.noteLabel')}
          description={t('cases.timeline.noteHint')}
          autosize
          minRows={2}
          maxLength={10_000}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={error}
        />
        {save.isError && <ErrorAlert error={save.error} title={t('cases.timeline.noteFailed')} />}
        <Group>
          <Button type="submit" variant="outline" loading={save.isPending}>
            {t('cases.timeline.noteSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
