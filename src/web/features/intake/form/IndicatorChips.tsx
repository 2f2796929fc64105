import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorRole } from '../../../../contracts/indicators.contracts.js';
import { IndicatorValue, useDisplayValue } from '../../../components/IndicatorValue.js';
import { useIndicatorTypeLabel } from '../../indicators/index.js';
import type { Preview } from '../api.js';
import { RoleSelect } from '../RoleSelect.js';
import { type IndicatorKey, indicatorId } from './draft.js';

type Hit = Preview['hits'][number];

interface IndicatorChipsProps {
  hits: readonly Hit[];
  excluded: readonly IndicatorKey[];
  onToggle: (key: IndicatorKey, include: boolean) => void;
  /** Roles the officer chose; a value not listed has the role the server gave it. */
  roles: readonly (IndicatorKey & { role: IndicatorRole })[];
  onRole: (key: IndicatorKey, role: IndicatorRole) => void;
}

/**
 * Each value found once, as people write it, with a checkbox (unticked values are not recorded)
 * and its role (相手方・被疑者側 / 相談者・被害者側 / 不明). The complainant's own values start unticked.
 */
export function IndicatorChips({ hits, excluded, onToggle, roles, onRole }: IndicatorChipsProps) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const { text: valueText } = useDisplayValue();
  const unique = [...new Map(hits.map((hit) => [indicatorId(hit), hit])).values()];
  const off = new Set(excluded.map(indicatorId));
  const chosen = new Map(roles.map((r) => [indicatorId(r), r.role]));
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
          const key = { type: hit.type, value: hit.value };
          const included = !off.has(indicatorId(hit));
          const role = chosen.get(indicatorId(hit)) ?? hit.role;
          const shown = valueText(hit.type, hit.value, hit.attributes);
          return (
            <Group
              key={indicatorId(hit)}
              gap={6}
              wrap="wrap"
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
                onChange={(event) => onToggle(key, event.currentTarget.checked)}
                aria-label={t('intake.preview.include', { type: typeLabel(hit.type), value: shown })}
              />
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {typeLabel(hit.type)}
              </Text>
              <IndicatorValue type={hit.type} value={hit.value} attributes={hit.attributes} struck={!included} copy={false} />
              {hit.role === 'victim' && !included && (
                <Text size="xs" c="dimmed">
                  {t('intake.preview.ownValue')}
                </Text>
              )}
              <RoleSelect value={role} onChange={(next) => onRole(key, next)} label={t('intake.preview.role', { value: shown })} />
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
