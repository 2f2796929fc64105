import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelatedNotice } from '../../../contracts/intake.contracts.js';
import { useDisplayValue } from '../../components/IndicatorValue.js';
import { useUnitName } from '../../i18n/index.js';
import { useIndicatorTypeLabel } from '../indicators/index.js';
import { HiddenRecords } from './HiddenRecords.js';
import { RecordAnchor } from './RecordAnchor.js';

interface RelatedNoticesProps {
  related: readonly RelatedNotice[];
  /** The reader's unit: records elsewhere count as 他所属. */
  ownUnitName: string;
  /** In the intake form: open records in a new tab so nothing typed is left behind. */
  newTab?: boolean;
}

/**
 * 「この電話番号（…）は他に3件の記録で確認されています（うち他所属 2件）」: readable records as
 * links with 受理番号 and 件名; records the reader may not open only as a count, with 「閲覧を依頼」.
 */
export function RelatedNotices({ related, ownUnitName, newTab = false }: RelatedNoticesProps) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const typeLabel = useIndicatorTypeLabel();
  const { text: valueText } = useDisplayValue();
  if (related.length === 0) return null;
  return (
    <Stack gap="sm">
      {related.map((notice) => {
        const total = notice.visible.length + notice.hidden;
        const other = notice.visible.filter((record) => record.unitName !== ownUnitName).length + notice.hidden;
        const sentence = t('intake.related.sentence', {
          type: typeLabel(notice.type),
          value: valueText(notice.type, notice.value, notice.attributes),
          count: total,
        });
        return (
          <Alert key={`${notice.type}:${notice.value}`} color="yellow" variant="light" title={t('intake.related.title')}>
            <Stack gap={6}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {other > 0 ? `${sentence}${t('intake.related.otherUnits', { count: other })}` : sentence}
              </Text>
              {notice.visible.length > 0 && (
                <List size="sm" spacing={2}>
                  {notice.visible.map((record) => (
                    <List.Item key={record.id}>
                      <RecordAnchor recordId={record.id} newTab={newTab} ff="monospace" fw={700}>
                        {record.refNo}
                      </RecordAnchor>{' '}
                      {t('intake.related.record', {
                        summary: record.summary,
                        unit: unitName({ name: record.unitName, nameEn: record.unitNameEn }),
                      })}
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
