import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page, pageOf } from '../../../platform/http/pagination';
import { canonicalJson } from '../../../platform/util/canonical-json';
import { AuditService } from '../../audit';
import { addCalendarDays, endOfDayShanghai, shanghaiDate } from '../../regions';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { bpToPercent, DRAW_PROCEDURE, drawKey, drawSample, MAX_SAMPLE_BP, percentToBp } from '../domain/sampling';
import type { TaskStatus } from '../domain/state-machines';
import {
  BatchDto,
  BatchGroupDto,
  BatchSummaryDto,
  CreateBatchDto,
  DrawVerificationDto,
  ListBatchesQuery,
} from '../dto/batches.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { EvaluationBatchEntity } from '../entities/tasks.entities';
import { TaskClocks } from '../jobs/task-clocks';
import { RegionGroups } from './region-groups';
import { loadContract, TaskCreation } from './task-creation';

/** A district's candidates as the batch stores them (`evaluation_batches.candidates`) and the audit event repeats. */
export interface DrawGroupRecord {
  regionId: number;
  regionCode: string;
  regionName: string;
  candidates: Array<{ contractId: number; code: string }>;
}

/** What the draw took from a district (`evaluation_batches.drawn`), in draw order. */
export interface DrawnRecord {
  regionId: number;
  codes: string[];
}

const STAFF_ROLES = ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'];
const isStaff = (a: Actor) => a.roles.some((r) => STAFF_ROLES.includes(r));

const invalid = (field: string, message: string) =>
  new EvaluationError(EvaluationErrorCode.BATCH_INVALID, message, { errors: [{ field, message }] });
const notFound = (id: number) => new EvaluationError(EvaluationErrorCode.BATCH_NOT_FOUND, `Batch ${id} not found.`);

/** Longest a mid-term batch's due date may lie ahead. */
const MAX_DUE_DAYS = 366;

/**
 * Mid-term sampling (issue #11 item 2): a batch over the officer's region subtree draws, in every district, at least
 * EVALUATION_MID_TERM_SAMPLE_BP (30 %) of the ACTIVE contracts that have no mid-term task yet, with a
 * cryptographically random 32-byte seed and the public procedure of domain/sampling.ts; each drawn contract gets a
 * MID_TERM task (OPEN). The seed, every district's candidates and the result are stored with the batch and written
 * into its audit event; `verify` re-runs the draw from them and compares it with the record, the audit event and
 * the tasks.
 */
@Injectable()
export class SamplingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly creation: TaskCreation,
    private readonly clocks: TaskClocks,
    private readonly env: Env,
  ) {}

  /** `POST /api/v1/evaluation/batches`. */
  async create(actor: Actor, dto: CreateBatchDto): Promise<BatchDto> {
    const made = await inTransaction(this.dataSource, async (em) => {
      const region = await RegionGroups.region(em, dto.regionId ?? actor.regionId ?? 0);
      if (region === null || !inRegionScope(actor, region.path))
        throw invalid('regionId', `Region ${dto.regionId ?? actor.regionId} is not in your area.`);
      const minBp = this.env.EVALUATION_MID_TERM_SAMPLE_BP;
      const bp = dto.samplePercent === undefined ? minBp : percentToBp(dto.samplePercent);
      if (bp === null || bp < minBp || bp > MAX_SAMPLE_BP)
        throw invalid(
          'samplePercent',
          `The share drawn must be between ${bpToPercent(minBp)} % and 100.00 % of each district's candidates.`,
        );
      const now = await dbNow(em);
      const today = shanghaiDate(now);
      const dueDate = dto.dueDate ?? addCalendarDays(today, this.env.EVALUATION_TASK_DUE_DAYS);
      if (dueDate <= today || dueDate > addCalendarDays(today, MAX_DUE_DAYS))
        throw invalid('dueDate', `The due date must be after today and within ${MAX_DUE_DAYS} days.`);

      // The live contracts of the subtree are locked first, so that two batches drawn at once over overlapping
      // areas never give one contract two mid-term tasks: the second waits, then sees the first's tasks.
      await em.query(
        "SELECT id FROM contracts WHERE status = 'ACTIVE' AND region_path LIKE CONCAT(?, '%') ORDER BY id FOR UPDATE",
        [region.path],
      );
      const rows = (await em.query(
        `SELECT c.id, c.code, c.region_path FROM contracts c
         WHERE c.status = 'ACTIVE' AND c.region_path LIKE CONCAT(?, '%')
           AND NOT EXISTS (SELECT 1 FROM evaluation_tasks t
                           WHERE t.contract_id = c.id AND t.kind = 'MID_TERM' AND t.status <> 'CANCELLED')
         ORDER BY c.code`,
        [region.path],
      )) as Array<{ id: number; code: string; region_path: string }>;
      if (rows.length === 0)
        throw invalid('regionId', 'No active contract of this area is waiting for a mid-term evaluation.');
      const regions = await RegionGroups.load(em, region);
      const groups = new Map<number, DrawGroupRecord>();
      for (const r of rows) {
        const g = regions.groupOf(r.region_path);
        const group = groups.get(g.id) ?? { regionId: g.id, regionCode: g.code, regionName: g.name, candidates: [] };
        group.candidates.push({ contractId: Number(r.id), code: r.code });
        groups.set(g.id, group);
      }
      const candidates = [...groups.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));

      const seed = randomBytes(32).toString('hex');
      const result = drawSample(
        seed,
        candidates.map((g) => ({ regionId: g.regionId, candidates: g.candidates.map((c) => c.code) })),
        bp,
      );
      const drawn: DrawnRecord[] = result.map((g) => ({ regionId: g.regionId, codes: g.drawn }));
      const drawnCount = drawn.reduce((n, g) => n + g.codes.length, 0);
      const dueAt = endOfDayShanghai(dueDate);
      const res = await em.insert(EvaluationBatchEntity, {
        name: dto.name,
        regionId: region.id,
        regionPath: region.path,
        sampleBp: bp,
        seed,
        candidates: JSON.stringify(candidates),
        drawn: JSON.stringify(drawn),
        candidateCount: rows.length,
        drawnCount,
        dueAt,
        createdBy: actor.userId,
        createdAt: now,
      });
      const batchId = res.identifiers[0].id as number;
      await this.audit.record(em, actor, {
        action: 'evaluation.batch.drawn',
        entityType: 'evaluation_batch',
        entityId: batchId,
        regionPath: region.path,
        after: {
          name: dto.name,
          regionCode: region.code,
          samplePercent: bpToPercent(bp),
          seed,
          procedure: DRAW_PROCEDURE,
          candidates: candidates.map((g) => ({ regionCode: g.regionCode, codes: g.candidates.map((c) => c.code) })),
          drawn: drawn.map((g) => ({ regionCode: regions.get(g.regionId)?.code ?? '', codes: g.codes })),
          dueAt: dueAt.toISOString(),
        },
      });
      const byCode = new Map(rows.map((r) => [r.code, Number(r.id)]));
      const tasks: EvaluationTaskEntity[] = [];
      for (const g of drawn)
        for (const code of g.codes) {
          const contract = await loadContract(em, byCode.get(code) as number);
          if (contract === null) continue;
          tasks.push(await this.creation.create(em, actor, { contract, kind: 'MID_TERM', dueAt, batchId }, now));
        }
      return { batchId, tasks };
    });
    for (const t of made.tasks) await this.clocks.schedule(t);
    return this.get(actor, made.batchId);
  }

  /** `GET /api/v1/evaluation/batches`: the batches of the reader's region subtree (staff), newest first. */
  async list(actor: Actor, q: ListBatchesQuery): Promise<Page<BatchSummaryDto>> {
    if (!isStaff(actor)) return pageOf([], 0, q);
    const scope = regionScopeSql(actor, 'b.region_path');
    const qb = this.dataSource
      .getRepository(EvaluationBatchEntity)
      .createQueryBuilder('b')
      .where(scope.sql, scope.params);
    const [rows, total] = await qb
      .orderBy('b.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.summaries(this.dataSource.manager, rows), total, q);
  }

  /** `GET /api/v1/evaluation/batches/:id`: the batch with its seed, candidates and draw, and each drawn task. */
  async get(actor: Actor, id: number): Promise<BatchDto> {
    const em = this.dataSource.manager;
    const b = await this.visible(em, actor, id);
    const [summary] = await this.summaries(em, [b]);
    const tasks = (await em.query(
      'SELECT t.id, t.code, t.status, t.contract_id FROM evaluation_tasks t WHERE t.batch_id = ?',
      [b.id],
    )) as Array<{ id: number; code: string; status: TaskStatus; contract_id: number }>;
    const taskOf = new Map(tasks.map((t) => [Number(t.contract_id), t]));
    const candidates = JSON.parse(b.candidates) as DrawGroupRecord[];
    const drawn = JSON.parse(b.drawn) as DrawnRecord[];
    const groups: BatchGroupDto[] = candidates.map((g) => {
      const contractOf = new Map(g.candidates.map((c) => [c.code, c.contractId]));
      const codes = drawn.find((d) => d.regionId === g.regionId)?.codes ?? [];
      return {
        regionId: g.regionId,
        regionCode: g.regionCode,
        regionName: g.regionName,
        candidates: g.candidates,
        size: codes.length,
        drawn: codes.map((code) => {
          const contractId = contractOf.get(code) ?? 0;
          const t = taskOf.get(contractId);
          return {
            contractId,
            code,
            taskId: t ? Number(t.id) : null,
            taskCode: t?.code ?? null,
            taskStatus: t?.status ?? null,
          };
        }),
      };
    });
    return { ...summary, seed: b.seed, procedure: DRAW_PROCEDURE, groups };
  }

  /**
   * `GET /api/v1/evaluation/batches/:id/verify`: the draw re-run from the batch's stored seed, rate and candidates
   * (domain/sampling.ts), compared with what the batch recorded, with its audit event and with its tasks.
   */
  async verify(actor: Actor, id: number): Promise<DrawVerificationDto> {
    const em = this.dataSource.manager;
    const b = await this.visible(em, actor, id);
    const candidates = JSON.parse(b.candidates) as DrawGroupRecord[];
    const recorded = JSON.parse(b.drawn) as DrawnRecord[];
    const again = drawSample(
      b.seed,
      candidates.map((g) => ({ regionId: g.regionId, candidates: g.candidates.map((c) => c.code) })),
      b.sampleBp,
    );
    const groups = candidates.map((g) => {
      const re = again.find((x) => x.regionId === g.regionId);
      const rec = recorded.find((x) => x.regionId === g.regionId)?.codes ?? [];
      const recomputed = re?.drawn ?? [];
      const keys = g.candidates
        .map((c) => ({ code: c.code, key: drawKey(b.seed, c.code), drawn: recomputed.includes(c.code) }))
        .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      return {
        regionId: g.regionId,
        regionName: g.regionName,
        candidateCount: g.candidates.length,
        size: re?.size ?? 0,
        recorded: rec,
        recomputed,
        matches: canonicalJson(rec) === canonicalJson(recomputed),
        keys,
      };
    });
    const recordedCodes = recorded.flatMap((g) => g.codes).sort();
    const taskCodes = (
      (await em.query(
        `SELECT c.code FROM evaluation_tasks t JOIN contracts c ON c.id = t.contract_id
         WHERE t.batch_id = ? AND t.kind = 'MID_TERM' ORDER BY c.code`,
        [b.id],
      )) as Array<{ code: string }>
    ).map((r) => r.code);
    const [event] = (await em.query(
      `SELECT seq, after_json FROM audit_events
       WHERE entity_type = 'evaluation_batch' AND entity_id = ? AND action = 'evaluation.batch.drawn' ORDER BY seq LIMIT 1`,
      [String(b.id)],
    )) as Array<{ seq: string | number; after_json: string | null }>;
    let auditMatches = false;
    if (event?.after_json) {
      const a = JSON.parse(event.after_json) as {
        seed?: string;
        samplePercent?: string;
        candidates?: Array<{ regionCode: string; codes: string[] }>;
        drawn?: Array<{ regionCode: string; codes: string[] }>;
      };
      auditMatches =
        a.seed === b.seed &&
        a.samplePercent === bpToPercent(b.sampleBp) &&
        canonicalJson(a.candidates ?? []) ===
          canonicalJson(
            candidates.map((g) => ({ regionCode: g.regionCode, codes: g.candidates.map((c) => c.code) })),
          ) &&
        canonicalJson(a.drawn ?? []) ===
          canonicalJson(
            recorded.map((g) => ({
              regionCode: candidates.find((c) => c.regionId === g.regionId)?.regionCode ?? '',
              codes: g.codes,
            })),
          );
    }
    return {
      batchId: b.id,
      seed: b.seed,
      samplePercent: bpToPercent(b.sampleBp),
      procedure: DRAW_PROCEDURE,
      matches: groups.every((g) => g.matches),
      auditMatches,
      tasksMatch: canonicalJson(taskCodes) === canonicalJson(recordedCodes),
      auditSeq: event ? Number(event.seq) : null,
      groups,
    };
  }

  /** A batch of the reader's region subtree (staff only), 404 otherwise. */
  async visible(em: EntityManager, actor: Actor, id: number): Promise<EvaluationBatchEntity> {
    const b = await em.findOne(EvaluationBatchEntity, { where: { id } });
    if (b === null || !isStaff(actor) || !inRegionScope(actor, b.regionPath)) throw notFound(id);
    return b;
  }

  private async summaries(em: EntityManager, rows: EvaluationBatchEntity[]): Promise<BatchSummaryDto[]> {
    if (rows.length === 0) return [];
    const names = (await em.query(
      `SELECT 'r' AS k, id, name FROM regions WHERE id IN (${rows.map(() => '?').join(', ')})
       UNION ALL SELECT 'u' AS k, id, display_name FROM users WHERE id IN (${rows.map(() => '?').join(', ')})`,
      [...rows.map((r) => r.regionId), ...rows.map((r) => r.createdBy)],
    )) as Array<{ k: string; id: number; name: string }>;
    const nameOf = (k: string, id: number) => names.find((n) => n.k === k && Number(n.id) === id)?.name ?? '';
    return rows.map((b) => ({
      id: b.id,
      name: b.name,
      regionId: b.regionId,
      regionName: nameOf('r', b.regionId),
      samplePercent: bpToPercent(b.sampleBp),
      candidateCount: b.candidateCount,
      drawnCount: b.drawnCount,
      dueAt: b.dueAt.toISOString(),
      createdByName: nameOf('u', b.createdBy),
      createdAt: b.createdAt.toISOString(),
    }));
  }
}
