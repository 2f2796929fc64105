import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedNotice } from '../../../../contracts/indicators.contracts.js';
import { useSession } from '../../../api/session.js';
import { useDisplayValue } from '../../../components/IndicatorValue.js';
import { hasPermission } from '../../../lib/permissions.js';
import { useIndicatorTypeLabel } from '../labels.js';
import { AccessRequestModal } from './AccessRequestModal.js';

/**
 * 「閲覧権限のない他所属の記録 N 件」 and, for readers of 相談受理, 「閲覧を依頼」: once sent, the
 * button gives way to a line saying サイバー課 was asked (kept while this indicator is shown).
 */
export function HiddenRecords({ notice }: { notice: RelatedNotice }) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const { text: valueText } = useDisplayValue();
  const canRequest = hasPermission(useSession()?.user, 'intake.read');
  const [asking, setAsking] = useState(false);
  const [requested, setRequested] = useState(false);
  return (
    <>
      <Group gap="xs" align="center" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('indicators.related.hidden', { count: notice.hidden })}
        </Text>
        {canRequest && !requested && (
          <Button
            size="compact-sm"
            variant="outline"
            onClick={() => setAsking(true)}
            aria-label={t('indicators.related.requestLabel', {
              type: typeLabel(notice.type),
              value: valueText(notice.type, notice.value, notice.attributes),
            })}
          >
            {t('indicators.related.requestAccess')}
          </Button>
        )}
      </Group>
      {requested && (
        <Text size="sm" c="green.9" role="status">
          {t('indicators.related.requested')}
        </Text>
      )}
      {asking && (
        <AccessRequestModal
          notice={notice}
          onClose={() => setAsking(false)}
          onRequested={() => {
            setRequested(true);
            setAsking(false);
          }}
        />
      )}
    </>
  );
}
