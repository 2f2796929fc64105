import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { indicatorRoleLabels } from '../../../../contracts/indicators.contracts.js';
import { useIndicatorTypeLabel } from '../../indicators/index.js';
import type { Preview } from '../api.js';
import { type IndicatorKey, indicatorId } from './draft.js';

type Hit = Preview['hits'][number];

interface IndicatorChipsProps {
  hits: readonly Hit[];
  excluded: readonly IndicatorKey[];
  onToggle: (key: IndicatorKey, include: boolean) => void;
}

/** Each value found once, with a checkbox: unticked values are not recorded as indicators. */
export function IndicatorChips({ hits, excluded, onToggle }: IndicatorChipsProps) {
  const { t, i18n } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const unique = [...new Map(hits.map((hit) => [indicatorId(hit), hit])).values()];
  const off = new Set(excluded.map(indicatorId));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={700} id="intake-hits-label">
        {t('intake.preview.hits', { count: unique.length })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('intake.preview.hitsHint')}
      </Text>
      <Group gap="xs" role="group" aria-labelledby="intake-hits-label">
        {unique.map((hit) => {
          const included = !off.has(indicatorId(hit));
          return (
            <Group
              key={indicatorId(hit)}
              gap={6}
              wrap="nowrap"
              px={8}
              py={4}
              style={{
                border: `1px solid var(--mantine-color-${included ? 'blue-4' : 'gray-4'})`,
                borderRadius: 16,
                background: included ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
                maxWidth: '100%',
              }}
            >
              <Checkbox
                size="xs"
                checked={included}
                onChange={(event) => onToggle({ type: hit.type, value: hit.value }, event.currentTarget.checked)}
                aria-label={t('intake.preview.include', { type: typeLabel(hit.type), value: hit.raw })}
              />
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {typeLabel(hit.type)}
              </Text>
              {/* The complainant's or victim's own value: stored in this record only, never correlated. */}
              {hit.role === 'victim' && (
                <Badge size="xs" color="gray" variant="light">
                  {indicatorRoleLabels.victim[i18n.language === 'en' ? 'en' : 'ja']}
                </Badge>
              )}
              <Text
                size="sm"
                ff="monospace"
                td={included ? undefined : 'line-through'}
                title={hit.value}
                style={{ overflowWrap: 'anywhere' }}
              >
                {hit.raw}
              </Text>
              {hit.benign && (
                <Badge size="xs" color="gray" variant="outline" tt="none">
                  {t('intake.preview.benign')}
                </Badge>
              )}
            </Group>
          );
        })}
      </Group>
    </Stack>
  );
}
