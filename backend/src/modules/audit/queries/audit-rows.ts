import { DataSource, EntityManager } from 'typeorm';

import { Checkpoint } from '../domain/checkpoints';
import { StoredLink } from '../domain/hash-chain';

/**
 * The audit context's hand-written reads, shared by the API, the worker and the offline verifier
 * (`cli/verify-audit.ts`, which has no Nest container): plain SQL over the tables of the migrations.
 */
type Db = DataSource | EntityManager;

interface EventRow {
  seq: string;
  occurred_at: Date;
  actor_id: number | null;
  actor_username: string;
  actor_roles: string;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_path: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** A stored row as the hash sees it: roles split, before/after parsed from their canonical JSON text. */
export function linkOfRow(r: EventRow): StoredLink {
  return {
    seq: Number(r.seq),
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    actorRoles: r.actor_roles === '' ? [] : r.actor_roles.split(','),
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    regionPath: r.region_path,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Events with `from <= seq <= to`, ascending, at most `limit`. */
export async function eventBatch(db: Db, from: number, to: number, limit: number): Promise<StoredLink[]> {
  const rows = (await db.query(
    `SELECT seq, occurred_at, actor_id, actor_username, actor_roles, ip, action, entity_type, entity_id, region_path,
            before_json, after_json, prev_hash, hash
       FROM audit_events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
    [from, to, limit],
  )) as EventRow[];
  return rows.map(linkOfRow);
}

export async function chainHead(db: Db): Promise<{ lastSeq: number; lastHash: string }> {
  const rows = (await db.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1')) as Array<{
    last_seq: string;
    last_hash: string;
  }>;
  if (rows.length === 0) throw new Error('audit_chain_head is missing: run the migrations');
  return { lastSeq: Number(rows[0].last_seq), lastHash: rows[0].last_hash };
}

interface CheckpointRow {
  id: string;
  seq: string;
  hash: string;
  taken_at: Date;
  prev_digest: string;
  key_id: string;
  signature: string;
}

function checkpointOfRow(r: CheckpointRow): Checkpoint {
  return {
    id: Number(r.id),
    seq: Number(r.seq),
    hash: r.hash,
    at: r.taken_at.toISOString(),
    prev: r.prev_digest,
    keyId: r.key_id,
    signature: r.signature,
  };
}

const CHECKPOINT_COLUMNS = 'id, seq, hash, taken_at, prev_digest, key_id, signature';

export async function allCheckpoints(db: Db): Promise<Checkpoint[]> {
  const rows = (await db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY id`)) as CheckpointRow[];
  return rows.map(checkpointOfRow);
}

export async function latestCheckpoint(db: Db): Promise<Checkpoint | null> {
  const rows = (await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY id DESC LIMIT 1`,
  )) as CheckpointRow[];
  return rows.length === 0 ? null : checkpointOfRow(rows[0]);
}

export async function checkpointPage(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ items: Checkpoint[]; total: number }> {
  const rows = (await db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY id LIMIT ? OFFSET ?`, [
    pageSize,
    (page - 1) * pageSize,
  ])) as CheckpointRow[];
  const [{ n }] = (await db.query('SELECT COUNT(*) AS n FROM audit_checkpoints')) as Array<{ n: string }>;
  return { items: rows.map(checkpointOfRow), total: Number(n) };
}

export async function insertCheckpoint(db: Db, c: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO audit_checkpoints (id, seq, hash, taken_at, prev_digest, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [c.id, c.seq, c.hash, new Date(c.at), c.prev, c.keyId, c.signature],
  );
}

/** Display names of the given users, for the audit list (read-only; audit cannot import identity, which writes through it). */
export async function displayNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await db.query('SELECT id, display_name FROM users WHERE id IN (?)', [ids])) as Array<{
    id: number;
    display_name: string;
  }>;
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
