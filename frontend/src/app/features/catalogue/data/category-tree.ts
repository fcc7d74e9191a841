import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import type { CategoryNode } from '../../../api';

/** Every category of a tree by id. */
export function indexCategories(
  nodes: readonly CategoryNode[],
  into = new Map<number, CategoryNode>(),
): Map<number, CategoryNode> {
  for (const node of nodes) {
    into.set(node.id, node);
    indexCategories(node.children ?? [], into);
  }
  return into;
}

/** `养老服务 › 居家养老 › 助餐`: the names from the root down to `id`. */
export function categoryPath(index: ReadonlyMap<number, CategoryNode>, id: number | null | undefined): string {
  const names: string[] = [];
  let node = id === null || id === undefined ? undefined : index.get(id);
  for (let guard = 0; node && guard < 32; guard++) {
    names.unshift(node.name);
    node = node.parentId === null ? undefined : index.get(node.parentId);
  }
  return names.join(' › ');
}

/**
 * A category tree as ng-zorro tree nodes (key = id, `origin.category` keeps the node). With
 * `leavesOnly`, categories that have sub-categories can be opened but not chosen (needs and items
 * belong to the most specific category).
 */
export function categoryTreeNodes(nodes: readonly CategoryNode[], leavesOnly = false): NzTreeNodeOptions[] {
  return nodes.map((node) => {
    const children = node.children ?? [];
    return {
      key: String(node.id),
      title: node.name,
      expanded: true,
      isLeaf: children.length === 0,
      selectable: !leavesOnly || children.length === 0,
      category: node,
      children: categoryTreeNodes(children, leavesOnly),
    };
  });
}
