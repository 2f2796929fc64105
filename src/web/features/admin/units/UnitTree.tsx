import { ActionIcon, Badge, Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/org.contracts.js';
import type { UnitNode } from './unitTree.js';
import { useUnitName } from './useUnitOptions.js';

interface UnitTreeProps {
  nodes: readonly UnitNode[];
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Shown with org.units.manage only. */
  onEdit?: (unit: Unit) => void;
  label: string;
}

/**
 * Nested lists (ul/li) so screen readers announce the levels; every row is reachable with Tab:
 * the expand/collapse toggle (aria-expanded) and the edit button.
 */
export function UnitTree({ nodes, collapsed, onToggle, onEdit, label }: UnitTreeProps) {
  return (
    <Box component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <UnitTreeItem key={node.unit.id} node={node} depth={0} collapsed={collapsed} onToggle={onToggle} onEdit={onEdit} />
      ))}
    </Box>
  );
}

interface UnitTreeItemProps extends Omit<UnitTreeProps, 'nodes' | 'label'> {
  node: UnitNode;
  depth: number;
}

function UnitTreeItem({ node, depth, collapsed, onToggle, onEdit }: UnitTreeItemProps) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const { unit, children } = node;
  const name = unitName(unit);
  const open = !collapsed.has(unit.id);
  const childListId = `unit-children-${unit.id}`;
  return (
    <li>
      <Group gap="sm" wrap="nowrap" py={6} pl={depth * 24} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray.7"
            size="md"
            onClick={() => onToggle(unit.id)}
            aria-expanded={open}
            aria-controls={childListId}
            aria-label={t(open ? 'admin.units.collapse' : 'admin.units.expand', { name })}
          >
            <Text span fz="sm" aria-hidden>
              {open ? '▾' : '▸'}
            </Text>
          </ActionIcon>
        ) : (
          <Box w={28} aria-hidden />
        )}
        <Group gap="xs" wrap="wrap" style={{ flex: 1 }}>
          <Text fw={depth === 0 ? 700 : 500}>{name}</Text>
          <Text size="xs" ff="monospace" c="dimmed">
            {unit.code}
          </Text>
          <Badge variant="light" color="gray" size="sm" tt="none">
            {t(`org.unitKinds.${unit.kind}`)}
          </Badge>
          {unit.prefectureWide && (
            <Badge variant="light" color="blue" size="sm" tt="none">
              {t('admin.units.prefectureWide')}
            </Badge>
          )}
        </Group>
        {onEdit && (
          <Button size="xs" variant="subtle" onClick={() => onEdit(unit)} aria-label={t('admin.units.editLabel', { name })}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {children.length > 0 && open && (
        <Box component="ul" id={childListId} p={0} m={0} style={{ listStyle: 'none' }}>
          {children.map((child) => (
            <UnitTreeItem key={child.unit.id} node={child} depth={depth + 1} collapsed={collapsed} onToggle={onToggle} onEdit={onEdit} />
          ))}
        </Box>
      )}
    </li>
  );
}
