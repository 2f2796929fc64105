import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { candidateLabels, candidateReasonLabels, type IndicatorType } from '../../../../contracts/indicators.contracts.js';
import { useIndicatorTypeLabel } from '../../indicators/index.js';
import type { Preview } from '../api.js';

type Hit = Preview['hits'][number];

/**
 * What looks like an account or phone number but does not validate (「口座らしき記載（形式不正）」),
 * or whose bank or branch could not be found: shown so the officer corrects the narrative or
 * confirms it. Such values are not recorded, so they have no checkbox.
 */
export function CandidateNotes({ hits }: { hits: readonly Hit[] }) {
  const { t, i18n } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  if (hits.length === 0) return null;
  const unique = [...new Map(hits.map((hit) => [`${hit.type}\u0000${hit.value}`, hit])).values()];
  return (
    <Stack gap={6}>
      <Text size="sm" fw={700} id="intake-candidates-label">
        {t('intake.preview.candidates')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('intake.preview.candidatesHint')}
      </Text>
      <Group gap="xs" role="list" aria-labelledby="intake-candidates-label">
        {unique.map((hit) => {
          const label = (hit.status && candidateLabels[hit.status][hit.type as IndicatorType]?.[lang]) ?? typeLabel(hit.type);
          const why = (hit.reasons ?? []).map((r) => candidateReasonLabels[r][lang]).join(t('common.listSeparator'));
          return (
            <Group
              key={`${hit.type}\u0000${hit.value}`}
              role="listitem"
              gap={6}
              wrap="nowrap"
              px={8}
              py={4}
              style={{ border: '1px dashed var(--mantine-color-orange-6)', borderRadius: 16, maxWidth: '100%' }}
            >
              <Badge size="xs" color="orange" variant="light" tt="none">
                {label}
              </Badge>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {hit.raw}
              </Text>
              {why && (
                <Text size="xs" c="dimmed">
                  {why}
                </Text>
              )}
            </Group>
          );
        })}
      </Group>
    </Stack>
  );
}
