import { Badge, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorTypes } from '../../../contracts/indicators.contracts.js';
import { IndicatorValue } from '../../components/IndicatorValue.js';
import { Pager, usePage } from '../../components/Paged.js';
import { SortableTh } from '../../components/SortableTh.js';
import { type SortValue, sortRows } from '../../components/sortRows.js';
import { useUrlSort } from '../../lib/useUrlSort.js';
import type { AnnotatedHit } from './api.js';
import { CommonBadge } from './CommonBadge.js';
import { IndicatorAnchor } from './IndicatorAnchor.js';
import { familyOf, familyStyle, useAttributeTexts, useIndicatorTypeLabel } from './labels.js';
import { WarningListBadges } from './WarningListBadges.js';

const PAGE_SIZE = 100;

interface HitsTableProps {
  hits: readonly AnnotatedHit[];
  /** Links to the detail page of known indicators (indicators.read). */
  canOpenDetail: boolean;
  /** Moves focus to the hit in the highlighted text; no 「本文で表示」 when absent. */
  onLocate?: (hitIndex: number) => void;
}

/** Types in the catalogue's order (phone numbers, accounts, URLs, …), whatever the language. */
const hitSortValues: Record<string, (row: { hit: AnnotatedHit }) => SortValue> = {
  type: ({ hit }) => indicatorTypes.indexOf(hit.type as (typeof indicatorTypes)[number]),
  value: ({ hit }) => hit.value,
  known: ({ hit }) => hit.known?.recordCount ?? null,
};

/** Extraction hits: type, canonical value, the text as written, whether it is known, warning lists. */
export function HitsTable({ hits, canOpenDetail, onLocate }: HitsTableProps) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const attributeTexts = useAttributeTexts();
  // In the text's order until a header is clicked; each hit keeps its index, which 「本文で表示」 locates.
  const [sort, setSort] = useUrlSort(['type', 'value', 'known']);
  // Memoised on the hits and the sort only: a new order is a new list, and the pager starts it at page 1.
  const ordered = useMemo(
    () =>
      sortRows(
        hits.map((hit, index) => ({ hit, index })),
        sort,
        (key) => hitSortValues[key],
      ),
    [hits, sort],
  );
  const { page, setPage, rows, pages } = usePage(ordered, PAGE_SIZE);
  const th = (key: string) => ({ sortKey: key, sort, onSort: setSort });
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={960}>
        <Table striped withTableBorder verticalSpacing="xs" fz="sm">
          {onLocate && <Table.Caption>{t('indicators.hits.caption')}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              <SortableTh {...th('type')}>{t('indicators.hits.columns.type')}</SortableTh>
              <SortableTh {...th('value')}>{t('indicators.hits.columns.value')}</SortableTh>
              <Table.Th scope="col">{t('indicators.hits.columns.raw')}</Table.Th>
              <SortableTh {...th('known')}>{t('indicators.hits.columns.known')}</SortableTh>
              <Table.Th scope="col">{t('indicators.hits.columns.warnings')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ hit, index: hitIndex }) => {
              const style = familyStyle[familyOf[hit.type]];
              const attributes = attributeTexts(hit.attributes);
              return (
                <Table.Tr key={`${hitIndex}:${hit.start}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text
                      span
                      size="sm"
                      style={{
                        textDecorationLine: 'underline',
                        textDecorationStyle: style.underline,
                        textDecorationColor: `var(--mantine-color-${style.color}-8)`,
                        textDecorationThickness: 2,
                        textUnderlineOffset: 4,
                      }}
                    >
                      {typeLabel(hit.type)}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={360}>
                    <IndicatorValue type={hit.type} value={hit.value} attributes={hit.attributes} />
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Stack gap={2}>
                      {onLocate ? (
                        <UnstyledButton
                          onClick={() => onLocate(hitIndex)}
                          aria-label={t('indicators.hits.locateLabel', { raw: hit.raw })}
                          title={t('indicators.hits.locate')}
                          style={{ textAlign: 'start' }}
                        >
                          <Text span size="sm" ff="monospace" c="blue.8" td="underline" style={{ overflowWrap: 'anywhere' }}>
                            {hit.raw}
                          </Text>
                        </UnstyledButton>
                      ) : (
                        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {hit.raw}
                        </Text>
                      )}
                      {hit.defanged && (
                        <div>
                          <Badge size="sm" color="gray" variant="outline" tt="none">
                            {t('indicators.defanged')}
                          </Badge>
                        </div>
                      )}
                      {attributes.map((text) => (
                        <Text key={text} size="xs" c="dimmed">
                          {text}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {hit.known ? (
                      <Group gap={6}>
                        {canOpenDetail ? (
                          <IndicatorAnchor
                            indicatorId={hit.known.indicatorId}
                            size="sm"
                            aria-label={`${t('indicators.recordCount', { count: hit.known.recordCount })} — ${t('indicators.openDetailLabel', { value: hit.value })}`}
                          >
                            {t('indicators.recordCount', { count: hit.known.recordCount })}
                          </IndicatorAnchor>
                        ) : (
                          <Text size="sm">{t('indicators.recordCount', { count: hit.known.recordCount })}</Text>
                        )}
                        {hit.known.common && <CommonBadge />}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('indicators.notRegistered')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={280}>
                    <WarningListBadges ids={hit.warnings} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pages={pages} total={hits.length} pageSize={PAGE_SIZE} onChange={setPage} />
    </Stack>
  );
}
