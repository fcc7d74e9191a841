import type { IsoInstant, Money } from './common.types';

/** `DRAFT → PUBLISHED → SUPERSEDED`; only a DRAFT can be edited. */
export type CatalogueVersionStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';
export const CATALOGUE_VERSION_STATUSES: readonly CatalogueVersionStatus[] = ['DRAFT', 'PUBLISHED', 'SUPERSEDED'];

/** The types a need attribute can have (docs/domain/needs.md, "Catalogue"). */
export type AttributeType = 'enum' | 'int' | 'text' | 'timeWindow';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['enum', 'int', 'text', 'timeWindow'];

/** One typed attribute a need in a category carries: data, not code. */
export interface AttributeDef {
  /** Machine key, e.g. `mealsPerWeek`. */
  key: string;
  label: string;
  type: AttributeType;
  /** The allowed values of an `enum`. */
  options?: string[];
  /** Bounds of an `int`. */
  min?: number;
  max?: number;
  required: boolean;
}

/** One instalment of a payment schedule; the percents of a schedule sum to 100. */
export interface PaymentInstalment {
  label: string;
  percent: number;
}

/** Minimum organisation grade, 1A–5A, sent as 1..5. */
export type OrgGrade = 1 | 2 | 3 | 4 | 5;
export const ORG_GRADES: readonly OrgGrade[] = [1, 2, 3, 4, 5];

/** A service item under a (leaf) category. */
export interface CatalogueItem {
  id: number;
  categoryId: number;
  code: string;
  name: string;
  serviceStandard: string;
  unit: string;
  /** 最高限价, yuan with two decimals. */
  priceCap: Money;
  minOrgGrade: OrgGrade;
  paymentSchedule: PaymentInstalment[];
  /** The indicator template (指标体系) its projects are evaluated with by default; null: the newest active one. */
  defaultTemplateId: number | null;
  defaultTemplate: CatalogueTemplateRef | null;
}

/** An item's default evaluation template as the item shows it. */
export interface CatalogueTemplateRef {
  id: number;
  code: string;
  version: number;
  name: string;
  status: 'DRAFT' | 'ACTIVE' | 'RETIRED';
}

/** A node of a version's category tree (`GET /catalogue/versions/:id`). */
export interface CategoryNode {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  /** The attributes defined on this category itself. */
  attributeSchema: AttributeDef[] | null;
  /** The effective attributes: the ancestors' first, then this category's own. */
  attributes: AttributeDef[];
  items: CatalogueItem[];
  children: CategoryNode[];
}

/** `GET /catalogue/versions` */
export interface CatalogueVersion {
  id: number;
  year: number;
  version: number;
  title: string;
  status: CatalogueVersionStatus;
  publishedAt: IsoInstant | null;
}

/** `GET /catalogue/versions/:id`, `GET /catalogue/current` */
export interface CatalogueVersionDetail extends CatalogueVersion {
  categories: CategoryNode[];
}

/** `POST /catalogue/versions` */
export interface CreateCatalogueVersionRequest {
  year: number;
  title: string;
  copyFromVersionId?: number;
}

/** `POST /catalogue/versions/:id/categories` */
export interface CreateCategoryRequest {
  parentId?: number | null;
  code: string;
  name: string;
  attributeSchema?: AttributeDef[];
}

/** `PATCH /catalogue/categories/:id` */
export interface UpdateCategoryRequest {
  name?: string;
  attributeSchema?: AttributeDef[];
}

/** `POST /catalogue/versions/:id/items` */
export interface CatalogueItemRequest {
  categoryId: number;
  code: string;
  name: string;
  serviceStandard: string;
  unit: string;
  priceCap: Money;
  minOrgGrade: OrgGrade;
  paymentSchedule: PaymentInstalment[];
  /** An ACTIVE project template; null or absent: none. */
  defaultTemplateId?: number | null;
}

/** `PATCH /catalogue/items/:id`: an item keeps its category and code. */
export type UpdateCatalogueItemRequest = Partial<Omit<CatalogueItemRequest, 'categoryId' | 'code'>>;
