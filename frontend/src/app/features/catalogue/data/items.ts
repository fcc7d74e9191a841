import type {
  CatalogueItem,
  CatalogueItemRequest,
  OrgGrade,
  PaymentInstalment,
  UpdateCatalogueItemRequest,
} from '../../../api';
import { parseMoney } from '../../../shared/money';

/** The API's code rule for categories and items: 1–16 capital letters or digits. */
export const CATALOGUE_CODE_PATTERN = /^[A-Z0-9]{1,16}$/;
export const MAX_INSTALMENTS = 12;

/** `3A`: how organisation grades are written (等级 1A–5A). */
export function gradeLabel(grade: number): string {
  return `${grade}A`;
}

/** `预付款 30% · 尾款 70%` */
export function formatSchedule(schedule: readonly PaymentInstalment[]): string {
  return schedule.map((i) => `${i.label} ${i.percent}%`).join(' · ');
}

/** The sum of the instalments' percentages, counting only whole numbers. */
export function scheduleTotal(schedule: readonly { percent: number | null }[]): number {
  return schedule.reduce((sum, i) => sum + (Number.isInteger(i.percent) ? (i.percent as number) : 0), 0);
}

/** A schedule the API accepts: 1–12 instalments, each named and a whole 1–100 %, summing to exactly 100. */
export function isScheduleValid(schedule: readonly { label: string; percent: number | null }[]): boolean {
  return (
    schedule.length >= 1 &&
    schedule.length <= MAX_INSTALMENTS &&
    schedule.every(
      (i) =>
        i.label.trim() !== '' &&
        Number.isInteger(i.percent) &&
        (i.percent as number) >= 1 &&
        (i.percent as number) <= 100,
    ) &&
    scheduleTotal(schedule) === 100
  );
}

/** The item form as it holds its values. */
export interface ItemFormValue {
  categoryId: string;
  code: string;
  name: string;
  serviceStandard: string;
  unit: string;
  /** As typed: normalised to two decimals before sending. */
  priceCap: string;
  minOrgGrade: OrgGrade;
  paymentSchedule: { label: string; percent: number | null }[];
  /** The default indicator template (an active project one), or null for none. */
  defaultTemplateId: number | null;
}

function schedule(v: ItemFormValue): PaymentInstalment[] {
  return v.paymentSchedule.map((i) => ({ label: i.label.trim(), percent: Number(i.percent) }));
}

/** The body of `POST /catalogue/versions/:id/items`, or null when the price is not an amount. */
export function toItemRequest(v: ItemFormValue): CatalogueItemRequest | null {
  const priceCap = parseMoney(v.priceCap);
  if (priceCap === null) return null;
  return {
    categoryId: Number(v.categoryId),
    code: v.code.trim(),
    name: v.name.trim(),
    serviceStandard: v.serviceStandard.trim(),
    unit: v.unit.trim(),
    priceCap,
    minOrgGrade: v.minOrgGrade,
    paymentSchedule: schedule(v),
    ...(v.defaultTemplateId === null ? {} : { defaultTemplateId: v.defaultTemplateId }),
  };
}

/** The body of `PATCH /catalogue/items/:id`: only what changed (category and code stay). */
export function toItemPatch(v: ItemFormValue, before: CatalogueItem): UpdateCatalogueItemRequest | null {
  const full = toItemRequest(v);
  if (!full) return null;
  const patch: UpdateCatalogueItemRequest = {};
  if (full.name !== before.name) patch.name = full.name;
  if (full.serviceStandard !== before.serviceStandard) patch.serviceStandard = full.serviceStandard;
  if (full.unit !== before.unit) patch.unit = full.unit;
  if (full.priceCap !== parseMoney(before.priceCap)) patch.priceCap = full.priceCap;
  if (full.minOrgGrade !== before.minOrgGrade) patch.minOrgGrade = full.minOrgGrade;
  if (JSON.stringify(full.paymentSchedule) !== JSON.stringify(before.paymentSchedule)) {
    patch.paymentSchedule = full.paymentSchedule;
  }
  // null clears it
  if (v.defaultTemplateId !== before.defaultTemplateId) patch.defaultTemplateId = v.defaultTemplateId;
  return patch;
}
