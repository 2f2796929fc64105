import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelatedNotice } from '../../../../contracts/indicators.contracts.js';
import { useSession } from '../../../api/session.js';
import { useDisplayValue } from '../../../components/IndicatorValue.js';
import { useUnitName } from '../../../i18n/index.js';
import { useIndicatorTypeLabel, useRecordTypeLabel } from '../labels.js';
import { RecordLink } from '../RecordLink.js';
import { HiddenRecords } from './HiddenRecords.js';

interface RelatedNoticesProps {
  related: readonly RelatedNotice[];
  /** In the intake form: open records in a new tab so nothing typed is left behind. */
  newTab?: boolean;
}

/**
 * 「この電話番号（…）は他に3件の記録で確認されています（うち他所属 2件）」: readable records as
 * links with 受理番号 and 件名; records the reader may not open only as a count, with 「閲覧を依頼」.
 */
export function RelatedNotices({ related, newTab = false }: RelatedNoticesProps) {
  // Records of another unit than the reader's count as 他所属.
  const ownUnitId = useSession()?.user.unit.id;
  const { t } = useTranslation();
  const unitName = useUnitName();
  const typeLabel = useIndicatorTypeLabel();
  const recordTypeLabel = useRecordTypeLabel();
  const { text: valueText } = useDisplayValue();
  if (related.length === 0) return null;
  return (
    <Stack gap="sm">
      {related.map((notice) => {
        const total = notice.visible.length + notice.hidden;
        const other = notice.visible.filter((record) => record.unitId !== ownUnitId).length + notice.hidden;
        const sentence = t('indicators.related.sentence', {
          type: typeLabel(notice.type),
          value: valueText(notice.type, notice.value, notice.attributes),
          count: total,
        });
        return (
          <Alert key={`${notice.type}:${notice.value}`} color="yellow" variant="light" title={t('indicators.related.title')}>
            <Stack gap={6}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {other > 0 ? `${sentence}${t('indicators.related.otherUnits', { count: other })}` : sentence}
              </Text>
              {notice.visible.length > 0 && (
                <List size="sm" spacing={2}>
                  {notice.visible.map((record) => (
                    <List.Item key={`${record.recordType}:${record.id}`}>
                      {/* A consultation is known by its number; anything else says what it is (事件 …). */}
                      {record.recordType !== 'consultation' && `${recordTypeLabel(record.recordType)} `}
                      <RecordLink label={record} newTab={newTab} fw={700} />
                      {t('indicators.related.record', { unit: unitName({ name: record.unitName, nameEn: record.unitNameEn }) })}
                    </List.Item>
                  ))}
                </List>
              )}
              {notice.hidden > 0 && <HiddenRecords notice={notice} />}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
