import { Badge } from '@mantine/core';
import { familyOfType, familyStyle, useIndicatorTypeLabel } from './labels.js';

/** The type label in its family's colour (the text says the type, so colour is not the only cue). */
export function TypeBadge({ type, size = 'md' }: { type: string; size?: 'sm' | 'md' | 'lg' }) {
  const typeLabel = useIndicatorTypeLabel();
  return (
    <Badge color={familyStyle[familyOfType(type)].color} variant="light" tt="none" size={size}>
      {typeLabel(type)}
    </Badge>
  );
}
