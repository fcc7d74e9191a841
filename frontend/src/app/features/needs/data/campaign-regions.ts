import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import type { RegionNode } from '../../../api';
import { toTreeNodes } from '../../regions';

/** A campaign covers a street or a community: the other levels can be opened in the picker, not chosen. */
export function campaignRegionNodes(tree: readonly RegionNode[]): NzTreeNodeOptions[] {
  const mark = (nodes: NzTreeNodeOptions[]): NzTreeNodeOptions[] =>
    nodes.map((node) => {
      const region = node['region'] as RegionNode;
      const selectable = region.level === 'STREET' || region.level === 'COMMUNITY';
      return { ...node, selectable, children: mark(node.children ?? []) };
    });
  return mark(toTreeNodes(tree));
}
