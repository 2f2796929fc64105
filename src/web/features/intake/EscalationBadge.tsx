import { Badge, type MantineColor } from '@mantine/core';
import { escalationState } from '../../../contracts/intake.contracts.js';
import { useLocalized } from '../../i18n/index.js';
import type { EscalationStateKey } from './labels.js';

const stateStyle: Record<EscalationStateKey, { color: MantineColor; variant: 'light' | 'filled' | 'outline' }> = {
  none: { color: 'gray', variant: 'outline' },
  pending: { color: 'orange', variant: 'light' },
  overdue: { color: 'red', variant: 'filled' },
  acknowledged: { color: 'blue', variant: 'light' },
  guided: { color: 'green', variant: 'light' },
};

/** 報告状態 of a record or of one escalation; 確認期限超過 stands out in solid red. */
export function EscalationBadge({ state, size = 'lg' }: { state: EscalationStateKey; size?: 'md' | 'lg' }) {
  const localized = useLocalized();
  const style = stateStyle[state];
  return (
    <Badge color={style.color} variant={style.variant} tt="none" radius="sm" size={size} style={{ flexShrink: 0, overflow: 'visible' }}>
      {localized(escalationState.labels[state])}
    </Badge>
  );
}
