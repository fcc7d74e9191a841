import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import type { RegionLevel, RegionNode } from '../../../api';

/** `name (code)`: how a region is named everywhere in the UI. */
export function regionLabel(region: { name: string; code: string }): string {
  return `${region.name} (${region.code})`;
}

/** Region tree → ng-zorro tree nodes (key = id, `origin` keeps the region). */
export function toTreeNodes(regions: readonly RegionNode[], expanded = true): NzTreeNodeOptions[] {
  return regions.map((region) => {
    const children = region.children ?? [];
    return {
      key: String(region.id),
      title: regionLabel(region),
      expanded,
      isLeaf: children.length === 0,
      region,
      children: toTreeNodes(children, expanded),
    };
  });
}

/** Every region of the tree by id. */
export function indexRegions(
  regions: readonly RegionNode[],
  into = new Map<string, RegionNode>(),
): Map<string, RegionNode> {
  for (const region of regions) {
    into.set(String(region.id), region);
    indexRegions(region.children ?? [], into);
  }
  return into;
}

const CHILD_LEVEL: Readonly<Record<RegionLevel, RegionLevel | null>> = {
  CITY: 'DISTRICT',
  DISTRICT: 'STREET',
  STREET: 'COMMUNITY',
  COMMUNITY: null,
};

/** The level a new child of `level` gets (CITY → DISTRICT → STREET → COMMUNITY), or null for a leaf level. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return CHILD_LEVEL[level] ?? null;
}
