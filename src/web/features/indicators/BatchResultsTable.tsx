import { Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorValue } from '../../components/IndicatorValue.js';
import { Pager, usePage } from '../../components/Paged.js';
import type { LookupResultItem } from './api.js';
import { CommonBadge } from './CommonBadge.js';
import { IndicatorAnchor } from './IndicatorAnchor.js';
import { mergeWarnings } from './IndicatorFacts.js';
import { InvalidValueBadge } from './InvalidValueBadge.js';
import { useIndicatorTypeLabel } from './labels.js';
import { WarningListBadges } from './WarningListBadges.js';

const PAGE_SIZE = 100;

/** Batch lookup results in input order; 「登録済みのみ表示」 narrows to registered indicators. */
export function BatchResultsTable({ items }: { items: readonly LookupResultItem[] }) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const [knownOnly, setKnownOnly] = useState(false);
  const found = useMemo(() => items.filter((item) => item.indicator !== null), [items]);
  const shown = knownOnly ? found : items;
  const { page, setPage, rows, pages } = usePage(shown, PAGE_SIZE);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700} aria-live="polite">
          {t('indicators.batch.summary', { total: items.length, found: found.length })}
        </Text>
        <Checkbox label={t('indicators.batch.knownOnly')} checked={knownOnly} onChange={(e) => setKnownOnly(e.currentTarget.checked)} />
      </Group>
      {shown.length === 0 ? (
        <Text>{t('indicators.batch.noneKnown')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped withTableBorder verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('indicators.batch.columns.query')}</Table.Th>
                <Table.Th scope="col">{t('indicators.batch.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('indicators.batch.columns.value')}</Table.Th>
                <Table.Th scope="col">{t('indicators.batch.columns.records')}</Table.Th>
                <Table.Th scope="col">{t('indicators.batch.columns.warnings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => {
                const { indicator } = item;
                return (
                  <Table.Tr key={`${item.type}:${item.query}`}>
                    <Table.Td maw={280}>
                      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {item.query}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{typeLabel(item.type)}</Table.Td>
                    <Table.Td maw={320}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        {item.valid ? (
                          <IndicatorValue type={item.type} value={item.value} attributes={indicator?.attributes} />
                        ) : (
                          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                            {item.value}
                          </Text>
                        )}
                        {!item.valid && <InvalidValueBadge />}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {indicator ? (
                        <Group gap={6}>
                          <IndicatorAnchor
                            indicatorId={indicator.id}
                            size="sm"
                            aria-label={`${t('indicators.recordCount', { count: indicator.recordCount })} — ${t('indicators.openDetailLabel', { value: item.value })}`}
                          >
                            {t('indicators.recordCount', { count: indicator.recordCount })}
                          </IndicatorAnchor>
                          {indicator.common && <CommonBadge />}
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('indicators.notRegistered')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={280}>
                      <WarningListBadges ids={mergeWarnings(item.warnings, indicator?.warnings ?? [])} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager page={page} pages={pages} total={shown.length} pageSize={PAGE_SIZE} onChange={setPage} />
    </Stack>
  );
}
