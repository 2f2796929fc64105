import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label / value rows (a vertical table: each row's header is its label). */
export function FactsTable({ facts, labelWidth = 160 }: { facts: readonly Fact[]; labelWidth?: number }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders verticalSpacing={6}>
      <Table.Tbody>
        {facts.map((fact) => (
          <Table.Tr key={fact.label}>
            <Table.Th scope="row" w={labelWidth} style={{ verticalAlign: 'top' }}>
              {fact.label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{fact.value ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
