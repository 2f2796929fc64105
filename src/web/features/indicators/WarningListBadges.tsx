import { Badge, Group, Text } from '@mantine/core';
import { useWarningListNames } from './useWarningListNames.js';

/** The warning lists a value is on (known legitimate services etc.), by id, as wrapping badges with their names. */
export function WarningListBadges({ ids }: { ids: readonly string[] }) {
  const listName = useWarningListNames();
  if (ids.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {ids.map((id) => (
        <Badge
          key={id}
          color="yellow"
          variant="light"
          tt="none"
          fw={500}
          h="auto"
          py={2}
          maw="100%"
          styles={{ root: { justifyContent: 'flex-start' }, label: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'start' } }}
        >
          {listName(id)}
        </Badge>
      ))}
    </Group>
  );
}
