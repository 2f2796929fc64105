import type { Unit } from '../../../../contracts/org.contracts.js';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const byCode = (a: UnitNode, b: UnitNode) => a.unit.code.localeCompare(b.unit.code);

/**
 * Units as a forest by parentId, children ordered by code. A unit whose parent is missing
 * (or that sits in a cycle) becomes a root rather than disappearing.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && !isAncestor(node.unit.id, parent.unit, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort(byCode);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** True when `id` appears on the parent chain starting at `from` (it would close a cycle). */
function isAncestor(id: string, from: Unit, nodes: ReadonlyMap<string, UnitNode>): boolean {
  const seen = new Set<string>();
  let current: Unit | undefined = from;
  while (current && !seen.has(current.id)) {
    if (current.id === id) return true;
    seen.add(current.id);
    current = current.parentId ? nodes.get(current.parentId)?.unit : undefined;
  }
  return false;
}

/** Ids of a unit and everything below it: none of them may become its parent. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Units in tree order with their depth, for selects that show the hierarchy. */
export function flattenTree(roots: readonly UnitNode[], depth = 0): { unit: Unit; depth: number }[] {
  return roots.flatMap((node) => [{ unit: node.unit, depth }, ...flattenTree(node.children, depth + 1)]);
}
