import { Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type IndicatorRole, indicatorRoleLabels } from '../../../../contracts/indicators.contracts.js';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { useSession } from '../../../api/session.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { IndicatorValue, useDisplayValue } from '../../../components/IndicatorValue.js';
import { useLocalized } from '../../../i18n/index.js';
import { hasPermission } from '../../../lib/permissions.js';
import { HighlightedText, IndicatorAnchor, TypeBadge } from '../../indicators/index.js';
import { intakeKeys, updateConsultation } from '../api.js';
import { RoleSelect } from '../RoleSelect.js';
import { useNarrativeHits } from './useNarrativeHits.js';

type Role = ConsultationDetail['indicatorRoles'][number];

/**
 * 相談内容 with the recorded indicators marked, and the list of those indicators as people write
 * them. Whoever may edit the record sets each value's role: a change is saved (and audited) as an
 * update, and the server re-links the record (相談者・被害者側 values are never correlated).
 */
export function NarrativeSection({ detail, canEdit = false }: { detail: ConsultationDetail; canEdit?: boolean }) {
  const { t } = useTranslation();
  const canOpen = hasPermission(useSession()?.user, 'indicators.read');
  const hits = useNarrativeHits(detail);
  const { text: valueText } = useDisplayValue();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updateConsultation,
    onSuccess: (next) => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.detail(next.id) });
    },
  });
  const setRole = (indicator: { type: string; value: string }, role: IndicatorRole) => {
    const same = (r: Role) => r.type === indicator.type && r.value === indicator.value;
    const indicatorRoles = [...detail.indicatorRoles.filter((r) => !same(r)), { type: indicator.type, value: indicator.value, role }];
    save.mutate({ id: detail.id, body: { version: detail.version, indicatorRoles } });
  };
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
        {save.isError && <ErrorAlert error={save.error} title={t('intake.detail.saveFailed')} />}
        <Stack gap={4}>
          {detail.indicators.map((indicator) => (
            <Group key={indicator.id} gap={6} wrap="wrap">
              <TypeBadge type={indicator.type} size="sm" />
              <IndicatorValue
                type={indicator.type}
                value={indicator.value}
                attributes={indicator.attributes}
                link={
                  canOpen
                    ? (content) => (
                        <IndicatorAnchor indicatorId={indicator.id} size="sm">
                          {content}
                        </IndicatorAnchor>
                      )
                    : undefined
                }
              />
              {canEdit ? (
                <RoleSelect
                  value={indicator.role}
                  onChange={(role) => setRole(indicator, role)}
                  label={t('intake.preview.role', { value: valueText(indicator.type, indicator.value, indicator.attributes) })}
                  disabled={save.isPending}
                />
              ) : (
                indicator.role !== 'unknown' && <RoleText role={indicator.role} />
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </DetailSection>
  );
}

function RoleText({ role }: { role: IndicatorRole }) {
  const localized = useLocalized();
  return (
    <Text size="xs" c="dimmed">
      {localized(indicatorRoleLabels[role])}
    </Text>
  );
}
