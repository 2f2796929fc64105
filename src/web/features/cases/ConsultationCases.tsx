import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consultationCasesQueryOptions } from './api.js';
import { CaseAnchor } from './CaseAnchor.js';
import { CaseStatusBadge } from './CaseStatusBadge.js';

/**
 * 「事件化」 on a consultation: the number and status of each case it became, for whoever may read
 * the consultation (the station that took it follows its outcome). The number links to the case
 * only when the server says the reader may open it; nothing is shown while there is none.
 */
export function ConsultationCases({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const cases = useQuery(consultationCasesQueryOptions(consultationId));
  const items = cases.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Group gap="sm" align="center" wrap="wrap">
      <Text size="sm" fw={700}>
        {t('cases.linked.label')}
      </Text>
      {items.map((item) => (
        <Group key={item.id} gap={6} align="center" wrap="nowrap">
          {item.readable ? (
            <CaseAnchor caseId={item.id}>{item.caseNo}</CaseAnchor>
          ) : (
            <Text size="sm" ff="monospace" title={t('cases.linked.unreadable')}>
              {item.caseNo}
            </Text>
          )}
          <CaseStatusBadge status={item.status} size="sm" />
        </Group>
      ))}
    </Group>
  );
}
