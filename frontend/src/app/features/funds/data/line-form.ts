import {
  FUND_SOURCES,
  type AdjustmentRequest,
  type CategoryNode,
  type CreateBudgetLineRequest,
  type FundSource,
} from '../../../api';
import { isPositiveMoney, parseMoney, parseSignedMoney } from '../../../shared/money';

/** The new-line form as it holds its values (the region as a tree-select key). */
export interface LineFormValue {
  year: number | null;
  regionId: string | null;
  source: FundSource | null;
  restrictedCategoryCode: string | null;
  /** Contracts paid from the line may run up to 3 years. */
  multiYear?: boolean;
  title: string;
  amount: string;
}

export type LineFormProblem = 'year' | 'region' | 'source' | 'category' | 'title' | 'amount';

/** The API's limits (backend funds.dto.ts). */
export const LINE_TITLE_MAX = 128;
const CATEGORY_CODE = /^[A-Z0-9]{1,16}$/;

/**
 * The body of `POST /funds/lines`, or what is wrong with the form: a year 2000–2100, a region, a
 * known source, an optional catalogue code, a title of 1–128 characters and an amount of yuan above
 * zero with at most two decimals (normalised as text: `"88888.8"` → `"88888.80"`).
 */
export function toLineRequest(v: LineFormValue): { body: CreateBudgetLineRequest | null; problems: LineFormProblem[] } {
  const problems: LineFormProblem[] = [];
  const year = v.year === null ? NaN : Number(v.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push('year');
  const regionId = v.regionId === null || v.regionId === '' ? NaN : Number(v.regionId);
  if (!Number.isInteger(regionId) || regionId < 1) problems.push('region');
  if (v.source === null || !FUND_SOURCES.includes(v.source)) problems.push('source');
  const category = v.restrictedCategoryCode?.trim() || null;
  if (category !== null && !CATEGORY_CODE.test(category)) problems.push('category');
  const title = v.title.trim();
  if (title.length === 0 || title.length > LINE_TITLE_MAX) problems.push('title');
  const amount = parseMoney(v.amount);
  if (amount === null || !isPositiveMoney(amount)) problems.push('amount');
  if (problems.length > 0 || amount === null || v.source === null) return { body: null, problems };
  return {
    body: {
      year,
      regionId,
      source: v.source,
      restrictedCategoryCode: category,
      multiYear: v.multiYear === true,
      title,
      amount,
    },
    problems,
  };
}

/** The body of `POST /funds/lines/:id/adjustments`, or null: a signed amount other than zero and a reason of 1–500 characters. */
export function toAdjustmentRequest(delta: string, reason: string): AdjustmentRequest | null {
  const money = parseSignedMoney(delta);
  const text = reason.trim();
  if (money === null || !/[1-9]/.test(money) || text.length === 0 || text.length > 500) return null;
  return { delta: money, reason: text };
}

/** A category a line can be restricted to (定向): a top-level category or one of its children. */
export interface RestrictableCategory {
  code: string;
  name: string;
  /** 0 for a top-level category, 1 for its children. */
  depth: 0 | 1;
}

/**
 * The top two levels of a catalogue tree, in tree order: `A 养老服务`, then `A01 居家养老` … (a
 * restriction covers the chosen category's whole subtree, so deeper levels are not offered).
 */
export function restrictableCategories(nodes: readonly CategoryNode[]): RestrictableCategory[] {
  return nodes.flatMap((top) => [
    { code: top.code, name: top.name, depth: 0 as const },
    ...(top.children ?? []).map((child) => ({ code: child.code, name: child.name, depth: 1 as const })),
  ]);
}

/** `A01 居家养老` for a known code, the code alone otherwise (e.g. a category of another year's catalogue). */
export function categoryLabel(code: string | null | undefined, categories: readonly RestrictableCategory[]): string {
  if (!code) return '';
  const category = categories.find((c) => c.code === code);
  return category ? `${category.code} ${category.name}` : code;
}
