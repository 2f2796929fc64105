import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Pager, usePage } from '../../components/Paged.js';
import { formatJst } from '../../lib/datetime.js';
import type { IndicatorDetail } from './api.js';
import { useRecordTypeLabel } from './labels.js';
import { RecordLink } from './RecordLink.js';

const PAGE_SIZE = 50;

interface SightingsTableProps {
  sightings: IndicatorDetail['sightings'];
  unitLabel: (unitId: string | null) => string;
}

/** Sightings the user may read, newest first: 記録種別, 記録ID, 所属, 観測日時 (JST). */
export function SightingsTable({ sightings, unitLabel }: SightingsTableProps) {
  const { t } = useTranslation();
  const recordTypeLabel = useRecordTypeLabel();
  const { page, setPage, rows, pages } = usePage(sightings, PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder verticalSpacing="xs" fz="sm">
          <Table.Caption>{t('common.jstNote')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indicators.detail.columns.recordType')}</Table.Th>
              <Table.Th scope="col">{t('indicators.detail.columns.recordId')}</Table.Th>
              <Table.Th scope="col">{t('indicators.detail.columns.unit')}</Table.Th>
              <Table.Th scope="col">{t('indicators.detail.columns.seenAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((sighting) => (
              <Table.Tr key={`${sighting.recordType}:${sighting.recordId}:${sighting.seenAt}:${sighting.start ?? ''}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{recordTypeLabel(sighting.recordType)}</Table.Td>
                <Table.Td>
                  {sighting.label ? (
                    <RecordLink label={sighting.label} />
                  ) : (
                    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {sighting.recordId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{unitLabel(sighting.unitId)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={sighting.seenAt}>{formatJst(sighting.seenAt)}</time>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pages={pages} total={sightings.length} pageSize={PAGE_SIZE} onChange={setPage} />
    </Stack>
  );
}
