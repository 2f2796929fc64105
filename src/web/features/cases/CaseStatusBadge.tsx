import { Badge, type MantineColor } from '@mantine/core';
import { type CaseStatus, caseStatus } from '../../../contracts/cases.contracts.js';
import { useLocalized } from '../../i18n/index.js';

const statusColor: Record<CaseStatus, MantineColor> = {
  lead: 'blue',
  investigating: 'orange',
  cleared: 'green',
  dropped: 'gray',
  closed: 'dark',
};

/** 端緒 / 捜査中 / 送致・検挙 / 打切り / 終結 (the text says it; colour only helps). */
export function CaseStatusBadge({ status, size = 'md' }: { status: CaseStatus; size?: 'sm' | 'md' | 'lg' }) {
  const localized = useLocalized();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none" radius="sm" size={size} style={{ flexShrink: 0, overflow: 'visible' }}>
      {localized(caseStatus.labels[status])}
    </Badge>
  );
}
