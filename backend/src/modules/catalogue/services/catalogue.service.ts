import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { fenToYuan, yuanToFen } from '../../../platform/util/money';
import { TtlCache } from '../../../platform/util/ttl-cache';
import { AuditService } from '../../audit';
import { shanghaiDate } from '../../regions';
import { AttributeField, checkSchema, effectiveSchema } from '../domain/attribute-schema';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue.errors';
import { checkSchedule, Instalment } from '../domain/payment-schedule';
import {
  CategoryNodeDto,
  CreateCategoryDto,
  CreateItemDto,
  CreateVersionDto,
  ItemDto,
  UpdateCategoryDto,
  UpdateItemDto,
  VersionDto,
  VersionTreeDto,
} from '../dto/catalogue.dto';
import { CatalogueCategoryEntity, CatalogueItemEntity, CatalogueVersionEntity } from '../entities/catalogue.entities';

function versionDto(v: CatalogueVersionEntity): VersionDto {
  return {
    id: v.id,
    year: v.year,
    version: v.version,
    title: v.title,
    status: v.status,
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}

/** A default template as an item shows it (the evaluation context's `evaluation_templates` row). */
type TemplateRef = NonNullable<ItemDto['defaultTemplate']>;

function itemDto(i: CatalogueItemEntity, templates: ReadonlyMap<number, TemplateRef> = new Map()): ItemDto {
  return {
    id: i.id,
    categoryId: i.categoryId,
    code: i.code,
    name: i.name,
    serviceStandard: i.serviceStandard,
    unit: i.unit,
    priceCap: fenToYuan(i.priceCapFen),
    minOrgGrade: i.minOrgGrade,
    paymentSchedule: JSON.parse(i.paymentSchedule) as Instalment[],
    defaultTemplateId: i.defaultTemplateId,
    defaultTemplate: i.defaultTemplateId === null ? null : (templates.get(i.defaultTemplateId) ?? null),
  };
}

const schemaOf = (c: CatalogueCategoryEntity): AttributeField[] =>
  c.attributeSchema ? (JSON.parse(c.attributeSchema) as AttributeField[]) : [];

/** A category as other contexts see it. */
export interface ItemInfo {
  id: number;
  code: string;
  name: string;
  unit: string;
  priceCapFen: bigint;
  minOrgGrade: number;
  categoryId: number;
  categoryCode: string;
  versionId: number;
  year: number;
  published: boolean;
}

export interface CategoryInfo {
  id: number;
  versionId: number;
  name: string;
  /** Effective attribute schema (inherited + own). */
  attributes: AttributeField[];
  /** The category and all its descendants. */
  subtreeIds: number[];
}

/** The annual guidance catalogue (政府购买服务指导性目录): versions, category tree, items. */
@Injectable()
export class CatalogueService {
  private readonly categories = new TtlCache<number, CategoryInfo>(60_000);
  private readonly names = new TtlCache<number, string>(60_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every edit clears the reference caches of this process. */
  private forget(): void {
    this.categories.clear();
    this.names.clear();
  }

  async versions(): Promise<VersionDto[]> {
    const rows = await this.dataSource
      .getRepository(CatalogueVersionEntity)
      .find({ order: { year: 'DESC', version: 'DESC' } });
    return rows.map(versionDto);
  }

  async current(year?: number): Promise<VersionTreeDto> {
    const y = year ?? Number(shanghaiDate(await dbNow(this.dataSource.manager)).slice(0, 4));
    const v = await this.dataSource.getRepository(CatalogueVersionEntity).findOneBy({ year: y, status: 'PUBLISHED' });
    if (v === null)
      throw new CatalogueError(CatalogueErrorCode.NO_PUBLISHED_VERSION, `No catalogue is published for ${y}.`);
    return this.tree(v.id);
  }

  async tree(versionId: number): Promise<VersionTreeDto> {
    const v = await this.version(this.dataSource.manager, versionId);
    const cats = await this.dataSource
      .getRepository(CatalogueCategoryEntity)
      .find({ where: { versionId }, order: { sort: 'ASC', code: 'ASC' } });
    const items = await this.dataSource
      .getRepository(CatalogueItemEntity)
      .find({ where: { versionId }, order: { code: 'ASC' } });
    const nodes = new Map<number, CategoryNodeDto>();
    for (const c of cats) {
      nodes.set(c.id, {
        id: c.id,
        parentId: c.parentId,
        code: c.code,
        name: c.name,
        attributeSchema: schemaOf(c),
        attributes: [],
        items: [],
        children: [],
      });
    }
    const templates = await this.templateRefs(this.dataSource.manager, items);
    for (const i of items) nodes.get(i.categoryId)?.items.push(itemDto(i, templates));
    const roots: CategoryNodeDto[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    const fill = (n: CategoryNodeDto, inherited: AttributeField[][]): void => {
      const chain = [...inherited, n.attributeSchema];
      n.attributes = effectiveSchema(chain);
      n.children.forEach((c) => fill(c, chain));
    };
    roots.forEach((r) => fill(r, []));
    return { ...versionDto(v), categories: roots };
  }

  /**
   * For other contexts: a category with its effective schema and subtree, or null. Outside a
   * transaction the answer may come from a 60-second cache, cleared by this process's own edits
   * (published versions never change; drafts are edited by officers, not read by the hot paths).
   */
  async category(id: number, em: EntityManager = this.dataSource.manager): Promise<CategoryInfo | null> {
    const cacheable = em === this.dataSource.manager;
    const hit = cacheable ? this.categories.get(id) : undefined;
    if (hit) return hit;
    const info = await this.loadCategory(id, em);
    if (info && cacheable) this.categories.set(id, info);
    return info;
  }

  /** For other contexts (projects): a catalogue item with its price cap, minimum grade and category code. */
  async item(id: number, em: EntityManager = this.dataSource.manager): Promise<ItemInfo | null> {
    const rows = (await em.query(
      `SELECT i.id, i.code, i.name, i.unit, i.price_cap_fen, i.min_org_grade, i.category_id, c.code AS category_code, v.id AS version_id, v.year, v.status
         FROM catalogue_items i JOIN catalogue_categories c ON c.id = i.category_id JOIN catalogue_versions v ON v.id = i.version_id
        WHERE i.id = ?`,
      [id],
    )) as Array<Record<string, unknown>>;
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      id: r.id as number,
      code: r.code as string,
      name: r.name as string,
      unit: r.unit as string,
      priceCapFen: BigInt(String(r.price_cap_fen)),
      minOrgGrade: Number(r.min_org_grade),
      categoryId: r.category_id as number,
      categoryCode: r.category_code as string,
      versionId: r.version_id as number,
      year: Number(r.year),
      published: r.status === 'PUBLISHED',
    };
  }

  private async loadCategory(id: number, em: EntityManager): Promise<CategoryInfo | null> {
    const c = await em.findOneBy(CatalogueCategoryEntity, { id });
    if (c === null) return null;
    const all = await em.find(CatalogueCategoryEntity, { where: { versionId: c.versionId } });
    const byId = new Map(all.map((x) => [x.id, x]));
    const chain: AttributeField[][] = [];
    for (
      let cur: CatalogueCategoryEntity | undefined = c;
      cur;
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId)
    )
      chain.unshift(schemaOf(cur));
    const subtree: number[] = [];
    const walk = (cid: number): void => {
      subtree.push(cid);
      all.filter((x) => x.parentId === cid).forEach((x) => walk(x.id));
    };
    walk(c.id);
    return { id: c.id, versionId: c.versionId, name: c.name, attributes: effectiveSchema(chain), subtreeIds: subtree };
  }

  async categoryNames(ids: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const hit = this.names.get(id);
      if (hit !== undefined) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows: Array<{ id: number; name: string }> = await this.dataSource.query(
      `SELECT id, name FROM catalogue_categories WHERE id IN (${missing.map(() => '?').join(',')})`,
      missing,
    );
    for (const r of rows) {
      this.names.set(r.id, r.name);
      out.set(r.id, r.name);
    }
    return out;
  }

  async createVersion(actor: Actor, dto: CreateVersionDto): Promise<VersionDto> {
    this.forget();
    return inTransaction(this.dataSource, async (em) => {
      const [{ next }] = (await em.query(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM catalogue_versions WHERE year = ? FOR UPDATE',
        [dto.year],
      )) as Array<{ next: number }>;
      const now = await dbNow(em);
      const v = em.create(CatalogueVersionEntity, {
        year: dto.year,
        version: Number(next),
        title: dto.title,
        status: 'DRAFT',
        publishedAt: null,
        publishedBy: null,
        createdAt: now,
      });
      await em.insert(CatalogueVersionEntity, v);
      if (dto.copyFromVersionId !== undefined) await this.copy(em, await this.version(em, dto.copyFromVersionId), v.id);
      await this.audit.record(em, actor, {
        action: 'catalogue.version.created',
        entityType: 'catalogue_version',
        entityId: v.id,
        after: { ...versionDto(v), copyFromVersionId: dto.copyFromVersionId ?? null },
      });
      return versionDto(v);
    });
  }

  async publish(actor: Actor, id: number): Promise<VersionDto> {
    this.forget();
    return inTransaction(this.dataSource, async (em) => {
      const v = await this.version(em, id, true);
      this.assertDraft(v);
      const items = await em.countBy(CatalogueItemEntity, { versionId: id });
      if (items === 0)
        throw new CatalogueError(CatalogueErrorCode.INVALID, 'A catalogue without items cannot be published.');
      const now = await dbNow(em);
      const superseded = await em.findBy(CatalogueVersionEntity, { year: v.year, status: 'PUBLISHED' });
      await em.update(CatalogueVersionEntity, { year: v.year, status: 'PUBLISHED' }, { status: 'SUPERSEDED' });
      await em.update(
        CatalogueVersionEntity,
        { id },
        { status: 'PUBLISHED', publishedAt: now, publishedBy: actor.userId },
      );
      const after = await this.version(em, id);
      await this.audit.record(em, actor, {
        action: 'catalogue.version.published',
        entityType: 'catalogue_version',
        entityId: id,
        before: { status: v.status },
        after: { status: 'PUBLISHED', superseded: superseded.map((s) => s.id) },
      });
      return versionDto(after);
    });
  }

  async addCategory(actor: Actor, versionId: number, dto: CreateCategoryDto): Promise<CategoryNodeDto> {
    this.forget();
    this.assertSchema(dto.attributeSchema ?? []);
    return inTransaction(this.dataSource, async (em) => {
      this.assertDraft(await this.version(em, versionId, true));
      if (dto.parentId) {
        const parent = await em.findOneBy(CatalogueCategoryEntity, { id: dto.parentId, versionId });
        if (parent === null)
          throw new CatalogueError(
            CatalogueErrorCode.CATEGORY_NOT_FOUND,
            `Category ${dto.parentId} is not in this version.`,
          );
      }
      if (await em.existsBy(CatalogueCategoryEntity, { versionId, code: dto.code }))
        throw new CatalogueError(CatalogueErrorCode.CODE_TAKEN, `Code ${dto.code} is already used in this version.`);
      const [{ n }] = (await em.query('SELECT COUNT(*) AS n FROM catalogue_categories WHERE version_id = ?', [
        versionId,
      ])) as Array<{ n: string }>;
      const c = em.create(CatalogueCategoryEntity, {
        versionId,
        parentId: dto.parentId ?? null,
        code: dto.code,
        name: dto.name,
        sort: Number(n) + 1,
        attributeSchema:
          dto.attributeSchema && dto.attributeSchema.length > 0 ? JSON.stringify(dto.attributeSchema) : null,
      });
      await em.insert(CatalogueCategoryEntity, c);
      await this.audit.record(em, actor, {
        action: 'catalogue.category.created',
        entityType: 'catalogue_category',
        entityId: c.id,
        after: {
          versionId,
          code: c.code,
          name: c.name,
          parentId: c.parentId,
          attributeSchema: dto.attributeSchema ?? [],
        },
      });
      return {
        id: c.id,
        parentId: c.parentId,
        code: c.code,
        name: c.name,
        attributeSchema: schemaOf(c),
        attributes: schemaOf(c),
        items: [],
        children: [],
      };
    });
  }

  async updateCategory(actor: Actor, id: number, dto: UpdateCategoryDto): Promise<void> {
    this.forget();
    if (dto.attributeSchema) this.assertSchema(dto.attributeSchema);
    await inTransaction(this.dataSource, async (em) => {
      const c = await em.findOneBy(CatalogueCategoryEntity, { id });
      if (c === null) throw new CatalogueError(CatalogueErrorCode.CATEGORY_NOT_FOUND, `Category ${id} not found.`);
      this.assertDraft(await this.version(em, c.versionId, true));
      const next = {
        name: dto.name ?? c.name,
        attributeSchema: dto.attributeSchema ? JSON.stringify(dto.attributeSchema) : c.attributeSchema,
      };
      await em.update(CatalogueCategoryEntity, { id }, next);
      await this.audit.record(em, actor, {
        action: 'catalogue.category.updated',
        entityType: 'catalogue_category',
        entityId: id,
        before: { name: c.name, attributeSchema: schemaOf(c) },
        after: {
          name: next.name,
          attributeSchema: next.attributeSchema ? (JSON.parse(next.attributeSchema) as unknown) : [],
        },
      });
    });
  }

  async addItem(actor: Actor, versionId: number, dto: CreateItemDto): Promise<ItemDto> {
    this.forget();
    this.assertScheduleOk(dto.paymentSchedule);
    return inTransaction(this.dataSource, async (em) => {
      this.assertDraft(await this.version(em, versionId, true));
      const cat = await em.findOneBy(CatalogueCategoryEntity, { id: dto.categoryId, versionId });
      if (cat === null)
        throw new CatalogueError(
          CatalogueErrorCode.CATEGORY_NOT_FOUND,
          `Category ${dto.categoryId} is not in this version.`,
        );
      if (await em.existsBy(CatalogueItemEntity, { versionId, code: dto.code }))
        throw new CatalogueError(CatalogueErrorCode.CODE_TAKEN, `Code ${dto.code} is already used in this version.`);
      const defaultTemplateId = dto.defaultTemplateId ?? null;
      if (defaultTemplateId !== null) await this.assertTemplate(em, defaultTemplateId);
      const item = em.create(CatalogueItemEntity, {
        versionId,
        categoryId: dto.categoryId,
        code: dto.code,
        name: dto.name,
        serviceStandard: dto.serviceStandard,
        unit: dto.unit,
        priceCapFen: this.positiveFen(dto.priceCap),
        minOrgGrade: dto.minOrgGrade,
        paymentSchedule: JSON.stringify(dto.paymentSchedule),
        defaultTemplateId,
      });
      await em.insert(CatalogueItemEntity, item);
      await this.audit.record(em, actor, {
        action: 'catalogue.item.created',
        entityType: 'catalogue_item',
        entityId: item.id,
        after: itemDto(item),
      });
      return itemDto(item, await this.templateRefs(em, [item]));
    });
  }

  async updateItem(actor: Actor, id: number, dto: UpdateItemDto): Promise<ItemDto> {
    this.forget();
    if (dto.paymentSchedule) this.assertScheduleOk(dto.paymentSchedule);
    return inTransaction(this.dataSource, async (em) => {
      const item = await em.findOneBy(CatalogueItemEntity, { id });
      if (item === null) throw new CatalogueError(CatalogueErrorCode.ITEM_NOT_FOUND, `Item ${id} not found.`);
      this.assertDraft(await this.version(em, item.versionId, true));
      const before = itemDto(item);
      if (dto.defaultTemplateId !== undefined && dto.defaultTemplateId !== null)
        await this.assertTemplate(em, dto.defaultTemplateId);
      await em.update(
        CatalogueItemEntity,
        { id },
        {
          name: dto.name ?? item.name,
          serviceStandard: dto.serviceStandard ?? item.serviceStandard,
          unit: dto.unit ?? item.unit,
          priceCapFen: dto.priceCap === undefined ? item.priceCapFen : this.positiveFen(dto.priceCap),
          minOrgGrade: dto.minOrgGrade ?? item.minOrgGrade,
          paymentSchedule: dto.paymentSchedule ? JSON.stringify(dto.paymentSchedule) : item.paymentSchedule,
          // null clears it (its projects are then evaluated with the newest active project template)
          defaultTemplateId: dto.defaultTemplateId === undefined ? item.defaultTemplateId : dto.defaultTemplateId,
        },
      );
      const updated = await em.findOneByOrFail(CatalogueItemEntity, { id });
      const after = itemDto(updated);
      await this.audit.record(em, actor, {
        action: 'catalogue.item.updated',
        entityType: 'catalogue_item',
        entityId: id,
        before,
        after,
      });
      return itemDto(updated, await this.templateRefs(em, [updated]));
    });
  }

  /**
   * The default templates of `items` as they show them. Read from the evaluation context's table by plain SQL (as
   * the evaluation context reads `catalogue_items.default_template_id`): importing that context would be a cycle.
   */
  private async templateRefs(em: EntityManager, items: CatalogueItemEntity[]): Promise<Map<number, TemplateRef>> {
    const ids = [...new Set(items.map((i) => i.defaultTemplateId).filter((x): x is number => x !== null))];
    if (ids.length === 0) return new Map();
    const rows = (await em.query(
      `SELECT id, code, version, name, status FROM evaluation_templates WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    )) as TemplateRef[];
    return new Map(
      rows.map((r) => [r.id, { id: r.id, code: r.code, version: r.version, name: r.name, status: r.status }]),
    );
  }

  /** An item's default template is an ACTIVE project template (locked against retirement until the commit). */
  private async assertTemplate(em: EntityManager, id: number): Promise<void> {
    const [t] = (await em.query('SELECT purpose, status FROM evaluation_templates WHERE id = ? LOCK IN SHARE MODE', [
      id,
    ])) as Array<{ purpose: string; status: string }>;
    const problem =
      t === undefined
        ? `Template ${id} does not exist.`
        : t.purpose !== 'PROJECT'
          ? `Template ${id} is not a project evaluation template.`
          : t.status !== 'ACTIVE'
            ? `Template ${id} is ${t.status}: only an active template can be an item's default.`
            : null;
    if (problem)
      throw new CatalogueError(CatalogueErrorCode.INVALID, problem, {
        errors: [{ field: 'defaultTemplateId', message: problem }],
      });
  }

  private async copy(em: EntityManager, from: CatalogueVersionEntity, toId: number): Promise<void> {
    const cats = await em.find(CatalogueCategoryEntity, { where: { versionId: from.id }, order: { id: 'ASC' } });
    const idMap = new Map<number, number>();
    // parents have smaller ids than their children (they are created first)
    for (const c of cats) {
      const copy = em.create(CatalogueCategoryEntity, {
        versionId: toId,
        parentId: c.parentId === null ? null : (idMap.get(c.parentId) ?? null),
        code: c.code,
        name: c.name,
        sort: c.sort,
        attributeSchema: c.attributeSchema,
      });
      await em.insert(CatalogueCategoryEntity, copy);
      idMap.set(c.id, copy.id);
    }
    const items = await em.findBy(CatalogueItemEntity, { versionId: from.id });
    if (items.length > 0) {
      await em.insert(
        CatalogueItemEntity,
        items.map((i) => ({ ...i, id: undefined, versionId: toId, categoryId: idMap.get(i.categoryId) as number })),
      );
    }
  }

  private async version(em: EntityManager, id: number, lock = false): Promise<CatalogueVersionEntity> {
    const v = await em.findOne(CatalogueVersionEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (v === null)
      throw new CatalogueError(CatalogueErrorCode.VERSION_NOT_FOUND, `Catalogue version ${id} not found.`);
    return v;
  }

  private assertDraft(v: CatalogueVersionEntity): void {
    if (v.status !== 'DRAFT')
      throw new CatalogueError(
        CatalogueErrorCode.NOT_DRAFT,
        `Catalogue version ${v.year}-${v.version} is ${v.status}: only a draft can be changed. Create a new version from it.`,
      );
  }

  private assertSchema(fields: AttributeField[]): void {
    const problems = checkSchema(fields);
    if (problems.length > 0)
      throw new CatalogueError(CatalogueErrorCode.INVALID, problems.join('; '), {
        errors: problems.map((m) => ({ field: m.split(' ')[0], message: m })),
      });
  }

  private assertScheduleOk(schedule: Instalment[]): void {
    const problem = checkSchedule(schedule);
    if (problem)
      throw new CatalogueError(CatalogueErrorCode.INVALID, problem, {
        errors: [{ field: 'paymentSchedule', message: problem }],
      });
  }

  private positiveFen(yuan: string): string {
    const fen = yuanToFen(yuan);
    if (fen <= 0n)
      throw new CatalogueError(CatalogueErrorCode.INVALID, 'The price cap must be more than zero.', {
        errors: [{ field: 'priceCap', message: 'must be more than zero' }],
      });
    return fen.toString();
  }
}
