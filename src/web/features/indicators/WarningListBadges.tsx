import { Badge, Group, Text } from '@mantine/core';

/** Names of the warning lists a value is on (known legitimate services etc.), as wrapping badges. */
export function WarningListBadges({ names }: { names: readonly string[] }) {
  if (names.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {names.map((name) => (
        <Badge
          key={name}
          color="yellow"
          variant="light"
          tt="none"
          fw={500}
          h="auto"
          py={2}
          maw="100%"
          styles={{ root: { justifyContent: 'flex-start' }, label: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'start' } }}
        >
          {name}
        </Badge>
      ))}
    </Group>
  );
}
