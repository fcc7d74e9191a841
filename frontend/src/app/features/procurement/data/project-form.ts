import type { CatalogueItem, CategoryNode } from '../../../api';
import { parseMoney } from '../../../shared/money';
import type { ImplementationPlan, Project, ProjectRequest } from './procurement.types';

/** The project form as it holds its values (selects keep ids; money stays text). */
export interface ProjectFormValue {
  title: string;
  regionId: string | null;
  needIds: number[];
  catalogueItemId: number | null;
  quantity: number | null;
  unitPrice: string;
  budgetLineId: number | null;
  objectives: string[];
  schedule: { period: string; activity: string }[];
  budget: { item: string; amount: string }[];
  beneficiaries: number | null;
  outputIndicators: { name: string; target: string }[];
  outcomeIndicators: { name: string; target: string }[];
}

const trimmed = <T extends Record<string, string>>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.trim()])) as T;

/** The form as `POST /projects` (or `PUT`), or null while something required is missing. */
export function toProjectRequest(v: ProjectFormValue): ProjectRequest | null {
  const unitPrice = parseMoney(v.unitPrice);
  const regionId = v.regionId && /^\d+$/.test(v.regionId) ? Number(v.regionId) : null;
  if (!unitPrice || regionId === null || v.catalogueItemId === null || v.budgetLineId === null) return null;
  if (v.quantity === null || v.beneficiaries === null || v.needIds.length === 0) return null;
  const budget = v.budget.map((row) => ({ item: row.item.trim(), amount: parseMoney(row.amount) }));
  if (budget.some((row) => row.amount === null)) return null;
  const plan: ImplementationPlan = {
    objectives: v.objectives.map((o) => o.trim()).filter(Boolean),
    schedule: v.schedule.map(trimmed),
    budget: budget.map((row) => ({ item: row.item, amount: row.amount as string })),
    beneficiaries: v.beneficiaries,
    outputIndicators: v.outputIndicators.map(trimmed),
    outcomeIndicators: v.outcomeIndicators.map(trimmed),
  };
  return {
    title: v.title.trim(),
    regionId,
    catalogueItemId: v.catalogueItemId,
    needIds: [...v.needIds],
    quantity: v.quantity,
    unitPrice,
    budgetLineId: v.budgetLineId,
    plan,
  };
}

/** A saved project back into the form. */
export function toProjectFormValue(p: Project): ProjectFormValue {
  return {
    title: p.title,
    regionId: String(p.regionId),
    needIds: [...p.needIds],
    catalogueItemId: p.catalogueItemId,
    quantity: p.quantity,
    unitPrice: p.unitPrice,
    budgetLineId: p.budgetLineId,
    objectives: [...p.plan.objectives],
    schedule: p.plan.schedule.map((r) => ({ ...r })),
    budget: p.plan.budget.map((r) => ({ ...r })),
    beneficiaries: p.plan.beneficiaries,
    outputIndicators: p.plan.outputIndicators.map((r) => ({ ...r })),
    outcomeIndicators: p.plan.outcomeIndicators.map((r) => ({ ...r })),
  };
}

/** A catalogue item with the name of its category, for the picker. */
export interface ItemOption extends CatalogueItem {
  categoryName: string;
}

/** Every item of a catalogue tree, in tree order. */
export function catalogueItems(nodes: readonly CategoryNode[]): ItemOption[] {
  const out: ItemOption[] = [];
  const walk = (list: readonly CategoryNode[]): void => {
    for (const node of list) {
      for (const item of node.items) out.push({ ...item, categoryName: node.name });
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}
