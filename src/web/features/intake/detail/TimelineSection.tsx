import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { NoteForm } from './NoteForm.js';
import { isEventKind, useEventDetail, useEventText } from './timelineText.js';

const alarming = new Set(['overdue', 'followUpDue']);

/** 経過: everything that happened to the record, oldest first, and a form to add a note or contact. */
export function TimelineSection({ detail, canWrite }: { detail: ConsultationDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const eventDetail = useEventDetail();
  const eventText = useEventText();
  return (
    <DetailSection title={t('intake.detail.sections.timeline')} anchor="timeline">
      <Timeline bulletSize={14} lineWidth={2} active={detail.timeline.length - 1}>
        {detail.timeline.map((event) => {
          const text = eventText(event);
          return (
            <Timeline.Item
              key={event.id}
              color={alarming.has(event.kind) ? 'red' : undefined}
              title={
                <Text size="sm" fw={700} c={alarming.has(event.kind) ? 'red.8' : undefined}>
                  {isEventKind(event.kind) ? t(`intake.timeline.kinds.${event.kind}`) : event.kind}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatJst(event.at)}
                {event.actorName
                  ? ` ${t('intake.detail.person', { name: event.actorName, unit: event.actorUnitName ? unitName({ name: event.actorUnitName, nameEn: event.actorUnitNameEn }) : '—' })}`
                  : ''}
              </Text>
              {eventDetail(event).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              {text && (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {text}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {canWrite && <NoteForm detail={detail} />}
    </DetailSection>
  );
}
