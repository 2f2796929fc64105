import { Button, Collapse, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../contracts/indicators.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { clusterQueryOptions, type IndicatorDetail } from './api.js';
import { ClusterGraph } from './ClusterGraph.js';
import { ClusterTable } from './ClusterTable.js';
import { type RecordRef, recordKey } from './clusterLayout.js';
import { useRecordTypeLabel } from './labels.js';
import { useUnitLabel } from './useUnitLabel.js';

interface ClusterSectionProps {
  indicator: Indicator;
  sightings: IndicatorDetail['sightings'];
}

/** 関連する記録: the cluster of one record where the indicator was seen (the newest by default). */
export function ClusterSection({ indicator, sightings }: ClusterSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const recordTypeLabel = useRecordTypeLabel();
  const unitLabel = useUnitLabel();
  const [tableOpen, table] = useDisclosure(false);
  const tableId = useId();

  const records = useMemo(() => {
    const byKey = new Map<string, RecordRef & { title: string | null }>();
    for (const s of sightings)
      if (!byKey.has(recordKey(s)))
        byKey.set(recordKey(s), { recordType: s.recordType, recordId: s.recordId, unitId: s.unitId, title: s.label?.title ?? null });
    return [...byKey.entries()];
  }, [sightings]);
  const [chosen, setChosen] = useState<string | null>(null);
  const originEntry = records.find(([key]) => key === chosen) ?? records[0];
  const origin = originEntry?.[1];
  const cluster = useQuery({
    ...clusterQueryOptions(origin?.recordType ?? '', origin?.recordId ?? ''),
    enabled: origin !== undefined,
  });
  const current = { id: indicator.id, type: indicator.type, value: indicator.value, attributes: indicator.attributes };
  const indicatorCount = useMemo(() => new Set(cluster.data?.links.map((link) => link.indicatorId)).size, [cluster.data]);

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('indicators.cluster.heading')}
      </Title>
      <Text size="sm">{t('indicators.cluster.intro')}</Text>
      {!origin ? (
        <Text c="dimmed">{t('indicators.cluster.noSightings')}</Text>
      ) : (
        <>
          {records.length > 1 && (
            <Select
              label={t('indicators.cluster.origin')}
              data={records.map(([key, record]) => ({
                value: key,
                label: t('indicators.cluster.originOption', {
                  type: recordTypeLabel(record.recordType),
                  // 受理番号 and 件名 (「2026-000123 架空請求」); the id only for a type without a label.
                  id: record.title ?? record.recordId,
                  unit: unitLabel(record.unitId),
                }),
              }))}
              value={originEntry?.[0] ?? null}
              onChange={setChosen}
              allowDeselect={false}
              searchable
              maw={560}
            />
          )}
          {cluster.isPending && <PageLoader />}
          {cluster.isError && (
            <ErrorAlert
              error={cluster.error}
              title={t('indicators.cluster.failed')}
              onRetry={isRetryable(cluster.error) ? () => void cluster.refetch() : undefined}
            />
          )}
          {cluster.isSuccess &&
            (cluster.data.links.length === 0 ? (
              <Stack gap="xs">
                {cluster.data.hidden === 0 && <Text>{t('indicators.cluster.none')}</Text>}
                {cluster.data.hidden > 0 && <Text fw={700}>{t('indicators.cluster.hidden', { count: cluster.data.hidden })}</Text>}
              </Stack>
            ) : (
              <Stack gap="sm">
                <Text size="sm" fw={700}>
                  {t('indicators.cluster.summary', { records: cluster.data.records.length, indicators: indicatorCount })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('indicators.cluster.keyboardHint')}
                </Text>
                <ClusterGraph cluster={cluster.data} origin={origin} current={current} unitLabel={unitLabel} />
                {cluster.data.hidden > 0 && <Text fw={700}>{t('indicators.cluster.hidden', { count: cluster.data.hidden })}</Text>}
                <div>
                  <Button variant="subtle" size="sm" onClick={table.toggle} aria-expanded={tableOpen} aria-controls={tableId}>
                    {tableOpen ? t('indicators.cluster.hideTable') : t('indicators.cluster.showTable')}
                  </Button>
                </div>
                <Collapse expanded={tableOpen} id={tableId}>
                  {tableOpen && <ClusterTable cluster={cluster.data} current={current} unitLabel={unitLabel} />}
                </Collapse>
              </Stack>
            ))}
        </>
      )}
    </Stack>
  );
}
