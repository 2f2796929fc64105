import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../contracts/indicators.contracts.js';
import { formatJst } from '../../lib/datetime.js';
import { CommonBadge } from './CommonBadge.js';
import { WarningListBadges } from './WarningListBadges.js';

interface IndicatorFactsProps {
  indicator: Indicator;
  /** Ids of the warning lists matched now (the lookup) and when stored (the indicator), merged. */
  warnings: readonly string[];
}

/** 記録件数, 初回・最終観測 (JST), 共通 and 警告リスト of a registered indicator. */
export function IndicatorFacts({ indicator, warnings }: IndicatorFactsProps) {
  const { t } = useTranslation();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row" w={180}>
            {t('indicators.detail.recordCount')}
          </Table.Th>
          <Table.Td>
            <Text fw={700}>{t('indicators.detail.recordCountValue', { count: indicator.recordCount })}</Text>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('indicators.detail.firstSeen')}</Table.Th>
          <Table.Td>
            <time dateTime={indicator.firstSeenAt}>{formatJst(indicator.firstSeenAt)}</time>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('indicators.detail.lastSeen')}</Table.Th>
          <Table.Td>
            <time dateTime={indicator.lastSeenAt}>{formatJst(indicator.lastSeenAt)}</time>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('indicators.detail.common')}</Table.Th>
          <Table.Td>
            {indicator.common ? (
              <Group gap="xs">
                <CommonBadge />
              </Group>
            ) : (
              t('indicators.detail.commonNo')
            )}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('indicators.detail.warnings')}</Table.Th>
          <Table.Td>{warnings.length > 0 ? <WarningListBadges ids={warnings} /> : t('indicators.detail.warningsNone')}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
      <Table.Caption>{t('common.jstNote')}</Table.Caption>
    </Table>
  );
}

/** Warning list ids from several sources, each once, in first-seen order. */
export function mergeWarnings(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
