import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { useSession } from '../../../api/session.js';
import { hasPermission } from '../../../lib/permissions.js';
import { HighlightedText, IndicatorAnchor, TypeBadge } from '../../indicators/index.js';
import { DetailSection } from './DetailSection.js';
import { useNarrativeHits } from './useNarrativeHits.js';

/** 相談内容 with the recorded indicators marked, and the list of those indicators. */
export function NarrativeSection({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation();
  const canOpen = hasPermission(useSession()?.user, 'indicators.read');
  const hits = useNarrativeHits(detail);
  return (
    <DetailSection title={t('intake.detail.sections.narrative')}>
      {detail.narrative.trim() ? (
        <HighlightedText text={detail.narrative} hits={hits} label={t('intake.fields.narrative')} mah={560} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('intake.detail.noNarrative')}
        </Text>
      )}
      <Stack gap={6}>
        <Text size="sm" fw={700}>
          {t('intake.detail.indicators', { count: detail.indicators.length })}
        </Text>
        <Group gap="sm">
          {detail.indicators.map((indicator) => (
            <Group key={indicator.id} gap={6} wrap="nowrap">
              <TypeBadge type={indicator.type} size="sm" />
              {canOpen ? (
                <IndicatorAnchor indicatorId={indicator.id} size="sm" ff="monospace">
                  {indicator.value}
                </IndicatorAnchor>
              ) : (
                <Text size="sm" ff="monospace">
                  {indicator.value}
                </Text>
              )}
            </Group>
          ))}
        </Group>
      </Stack>
    </DetailSection>
  );
}
