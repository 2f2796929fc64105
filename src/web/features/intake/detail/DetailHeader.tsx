import { Badge, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { EscalationBadge } from '../EscalationBadge.js';
import { StatusBadge } from '../StatusBadge.js';

/** 受理番号, 件名, and where the record stands; `actions` (e.g. 「他の所属と共有」) on the right. */
export function DetailHeader({ detail, actions }: { detail: ConsultationDetail; actions?: ReactNode }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const urgent = detail.escalations.some((item) => item.urgent && (item.state === 'pending' || item.state === 'overdue'));
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Group gap="sm" align="center">
          <StatusBadge status={detail.status} />
          <EscalationBadge state={detail.escalation} />
          {urgent && (
            <Badge color="red" variant="outline" tt="none" radius="sm">
              {t('intake.common.urgent')}
            </Badge>
          )}
        </Group>
        {actions}
      </Group>
      {/* 受理番号 and 件名, as the browser tab says them (ConsultationDetailPage's title). */}
      <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
        <Text span inherit ff="monospace">
          {detail.refNo}
        </Text>{' '}
        {detail.summary}
      </Title>
      <Text size="sm" c="dimmed">
        {t('intake.detail.byline', {
          at: formatJst(detail.receivedAt),
          unit: unitName({ name: detail.owningUnitName, nameEn: detail.owningUnitNameEn }),
          name: detail.receivedByName,
        })}
      </Text>
      {detail.sharedWith && detail.sharedWith.length > 0 && (
        <Group gap={6} align="center" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('intake.share.sharedWith')}
          </Text>
          {detail.sharedWith.map((s) => (
            <Tooltip
              key={s.unitId}
              label={t('intake.share.sharedDetail', { at: formatJst(s.sharedAt), reason: s.reason })}
              multiline
              w={320}
            >
              <Badge variant="light" color="gray" tt="none" radius="sm" tabIndex={0}>
                {unitName({ name: s.unitName, nameEn: s.unitNameEn })}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      )}
    </Stack>
  );
}
