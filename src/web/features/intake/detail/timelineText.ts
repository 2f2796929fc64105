import { useTranslation } from 'react-i18next';
import { type ConsultationDetail, intakeStatus } from '../../../../contracts/intake.contracts.js';
import { useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { useEnumLabel, useRuleLabel } from '../labels.js';

type TimelineEvent = ConsultationDetail['timeline'][number];

export const eventKinds = [
  'received',
  'updated',
  'status',
  'escalated',
  'acknowledged',
  'guidance',
  'overdue',
  'note',
  'complainantContact',
  'followUpDue',
  'evidence',
  'shared',
] as const;
export type EventKind = (typeof eventKinds)[number];
export const isEventKind = (value: string): value is EventKind => (eventKinds as readonly string[]).includes(value);

const fieldKeys = [
  'kind',
  'channel',
  'category',
  'modus',
  'contactMethods',
  'snsService',
  'receivedAt',
  'occurredAt',
  'discoveredAt',
  'damageAmount',
  'damageKind',
  'paymentMethod',
  'summary',
  'narrative',
  'status',
  'disposition',
  'handoverTo',
  'nextFollowUpAt',
  'flags',
  'wishes',
  'complainant',
  'victim',
  'victimSameAsComplainant',
  'excludedIndicators',
] as const;
type FieldKey = (typeof fieldKeys)[number];
const isFieldKey = (value: unknown): value is FieldKey => typeof value === 'string' && (fieldKeys as readonly string[]).includes(value);

/** The event's `detail` in words: what changed, the new status, a report's deadline and rules. */
export function useEventDetail(): (event: TimelineEvent) => string[] {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const ruleLabel = useRuleLabel();
  return (event) => {
    const d = event.detail ?? {};
    const lines: string[] = [];
    const status = intakeStatus.keys.find((key) => key === d.status);
    if (event.kind === 'received' && d.source === 'import') lines.push(t('intake.timeline.imported'));
    if (event.kind === 'status' && status) lines.push(t('intake.timeline.newStatus', { status: label(intakeStatus, status) }));
    if ((event.kind === 'updated' || event.kind === 'status') && Array.isArray(d.fields)) {
      const names = d.fields
        .filter((field) => field !== 'status')
        .map((field) => (isFieldKey(field) ? t(`intake.fields.${field}`) : String(field)));
      if (names.length > 0) lines.push(t('intake.timeline.changed', { fields: names.join(t('common.listSeparator')) }));
    }
    if (event.kind === 'escalated') {
      if (d.urgent === true) lines.push(t('intake.common.urgent'));
      if (Array.isArray(d.rules) && d.rules.length > 0)
        lines.push(t('intake.escalation.rules', { rules: d.rules.map(String).map(ruleLabel).join(t('common.listSeparator')) }));
    }
    if (typeof d.dueAt === 'string') lines.push(t('intake.timeline.dueAt', { at: formatJst(d.dueAt) }));
    return lines;
  };
}

/** The event's own text: a reason, a note; for 共有 「<unit> と共有: <reason>」. */
export function useEventText(): (event: TimelineEvent) => string | null {
  const { t } = useTranslation();
  const unitName = useUnitName();
  return (event) => {
    const name = event.detail?.unit;
    // `unitEn` is kept since English names were stored with the event; older events have only the name.
    const nameEn = typeof event.detail?.unitEn === 'string' ? event.detail.unitEn : undefined;
    if (event.kind === 'shared' && typeof name === 'string')
      return t('intake.timeline.sharedWith', { unit: unitName({ name, nameEn }), reason: event.text ?? '' });
    return event.text;
  };
}
