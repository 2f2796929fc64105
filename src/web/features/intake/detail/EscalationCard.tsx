import { Badge, Blockquote, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../contracts/intake.contracts.js';
import { useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { highlightStyle, useHashTarget } from '../../../lib/useHashTarget.js';
import { EscalationBadge } from '../EscalationBadge.js';
import { useRuleLabel } from '../labels.js';

/**
 * One report to サイバー課: why, by when it must be acknowledged, and what came back. A notice of
 * guidance opens the record at `#guidance-<report>`: the card scrolls into view, highlighted.
 */
export function EscalationCard({ escalation }: { escalation: EscalationView }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const ruleLabel = useRuleLabel();
  const overdue = escalation.state === 'overdue';
  const anchorId = `guidance-${escalation.id}`;
  const target = useHashTarget(anchorId);
  return (
    <Paper
      withBorder
      p="sm"
      id={anchorId}
      ref={target.ref}
      tabIndex={-1}
      data-highlighted={target.active || undefined}
      style={{
        ...(overdue ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : {}),
        ...(target.active ? highlightStyle : {}),
      }}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <EscalationBadge state={escalation.state} />
          {escalation.urgent && (
            <Badge color="red" variant="outline" tt="none" radius="sm">
              {t('intake.common.urgent')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {escalation.manual ? t('intake.escalation.manual') : t('intake.escalation.automatic')}
          </Text>
        </Group>
        <Text size="sm">
          {t('intake.escalation.route', {
            from: unitName({ name: escalation.fromUnitName, nameEn: escalation.fromUnitNameEn }),
            to: unitName({ name: escalation.toUnitName, nameEn: escalation.toUnitNameEn }),
            at: formatJst(escalation.raisedAt),
          })}
        </Text>
        <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
          {t('intake.escalation.due', { at: formatJst(escalation.dueAt) })}
        </Text>
        {escalation.rules.length > 0 && (
          <Text size="sm">{t('intake.escalation.rules', { rules: escalation.rules.map(ruleLabel).join(t('common.listSeparator')) })}</Text>
        )}
        {escalation.reason && <Text size="sm">{t('intake.escalation.reason', { reason: escalation.reason })}</Text>}
        {escalation.acknowledgedAt && (
          <Text size="sm">
            {t('intake.escalation.acknowledged', {
              at: formatJst(escalation.acknowledgedAt),
              name: escalation.acknowledgedByName ?? '—',
            })}
          </Text>
        )}
        {escalation.guidance && (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('intake.escalation.guidance', { at: formatJst(escalation.guidanceAt) })}
            </Text>
            <Blockquote color="green" p="xs" m={0} style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
              {escalation.guidance}
            </Blockquote>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
