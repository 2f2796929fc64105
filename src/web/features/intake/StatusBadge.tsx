import { Badge, type MantineColor } from '@mantine/core';
import { intakeStatus } from '../../../contracts/intake.contracts.js';
import { useLocalized } from '../../i18n/index.js';
import type { IntakeStatusKey } from './labels.js';

const statusColor: Record<IntakeStatusKey, MantineColor> = { received: 'blue', inProgress: 'orange', closed: 'gray' };

/** 受理 / 対応中 / 終結 (the text says it; colour only helps). */
export function StatusBadge({ status, size = 'lg' }: { status: IntakeStatusKey; size?: 'md' | 'lg' }) {
  const localized = useLocalized();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none" radius="sm" size={size} style={{ flexShrink: 0, overflow: 'visible' }}>
      {localized(intakeStatus.labels[status])}
    </Badge>
  );
}
