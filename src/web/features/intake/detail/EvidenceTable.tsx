import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatJst } from '../../../lib/datetime.js';
import { formatBytes } from '../../../lib/files.js';
import { type Evidence, evidenceUrl } from './evidenceApi.js';

/** ファイル名 (a download), サイズ, the full SHA-256 to verify a copy, when and by whom. */
export function EvidenceTable({ id, items }: { id: string; items: readonly Evidence[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} withRowBorders fz="sm" aria-label={t('intake.evidence.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('intake.evidence.fileName')}</Table.Th>
            <Table.Th w={72} ta="right">
              {t('intake.evidence.size')}
            </Table.Th>
            <Table.Th w={184}>{t('intake.evidence.sha256')}</Table.Th>
            <Table.Th w={96}>{t('intake.evidence.uploadedAt')}</Table.Th>
            <Table.Th w={96}>{t('intake.evidence.uploadedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Anchor href={evidenceUrl(id, item.id)} download={item.fileName} size="sm">
                  {item.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatBytes(item.size)}
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>
                  {item.sha256}
                </Text>
              </Table.Td>
              <Table.Td>{formatJst(item.uploadedAt)}</Table.Td>
              <Table.Td>{item.uploadedByName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
