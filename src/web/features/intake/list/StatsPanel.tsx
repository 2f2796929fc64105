import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intakeCategory } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useUnitName } from '../../../i18n/index.js';
import type { Stats } from '../api.js';
import { useEnumLabel, useModusLabel } from '../labels.js';
import { CountTable } from './CountTable.js';
import type { ListSearch } from './filters.js';

interface StatsPanelProps {
  stats: Stats | undefined;
  error: unknown;
  onPick: (patch: Partial<ListSearch>) => void;
}

/** 所属別・分類別・手口別 counts for the current filters (for lists that span several units). */
export function StatsPanel({ stats, error, onPick }: StatsPanelProps) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const label = useEnumLabel();
  const modusLabel = useModusLabel();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="intake-stats-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="intake-stats-title">
          {t('intake.stats.title')}
        </Title>
        {error ? <ErrorAlert error={error} /> : null}
        {stats && (
          <>
            <Text size="sm" c="dimmed">
              {t('intake.stats.hint')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <CountTable
                title={t('intake.stats.byUnit')}
                rows={stats.byUnit.map((row) => ({
                  key: row.unitId,
                  label: unitName({ name: row.unitName, nameEn: row.unitNameEn }),
                  n: row.n,
                }))}
                onPick={(unitId) => onPick({ unitId })}
              />
              <CountTable
                title={t('intake.stats.byCategory')}
                rows={stats.byCategory.map((row) => ({ key: row.category, label: label(intakeCategory, row.category), n: row.n }))}
                onPick={(key) => onPick({ category: intakeCategory.keys.find((k) => k === key) })}
              />
              <CountTable
                title={t('intake.stats.byModus')}
                rows={stats.byModus.map((row) => ({ key: row.modus, label: modusLabel(row.modus), n: row.n }))}
                onPick={(modus) => onPick({ modus })}
              />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Paper>
  );
}
