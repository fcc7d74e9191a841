import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Tables whose changes are checked by other means: the audit chain grows with every denial (`access.denied`). */
const NOT_DIGESTED = new Set(['audit_events', 'audit_chain_head']);

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the HTTP app registers, as `METHOD /path/:param`, read from the Express router (what really answers
 * requests), not from the controllers' metadata. Routes registered for every method are Nest middleware mounted on
 * the global prefix (request logging); anything else registered that way is reported, since it would be an
 * endpoint reachable with any method.
 */
export function registeredRoutes(app: INestApplication): { routes: string[]; strays: string[] } {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] } };
  const stack = express.router?.stack ?? [];
  const routes = new Set<string>();
  const strays: string[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m]);
    if (methods.length > 10) {
      if (layer.route.path !== '/api') strays.push(`ALL ${layer.route.path}`);
      continue;
    }
    for (const m of methods) if (m !== '_all') routes.add(`${m.toUpperCase()} ${layer.route.path}`);
  }
  return { routes: [...routes].sort(), strays };
}

/** `METHOD /path/{param}` operations of an OpenAPI document, as `METHOD /path/:param`. */
export function documentedRoutes(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const method of Object.keys(ops)) out.push(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
  return out.sort();
}

/** A checksum of every table's content (CHECKSUM TABLE reads every row), the audit tables aside. */
export async function digest(ds: DataSource): Promise<Map<string, string>> {
  const tables = (
    (await ds.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    )) as Array<{ name: string }>
  )
    .map((r) => r.name)
    .filter((name) => !NOT_DIGESTED.has(name));
  const rows = (await ds.query(`CHECKSUM TABLE ${tables.map((name) => `\`${name}\``).join(', ')}`)) as Array<{
    Table: string;
    Checksum: string | number | null;
  }>;
  return new Map(rows.map((r) => [r.Table.split('.').pop() as string, String(r.Checksum)]));
}

/** The tables whose content differs between two digests, minus the ones a call may change. */
export function changedTables(
  before: Map<string, string>,
  after: Map<string, string>,
  allowed: readonly string[] = [],
): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n) && !allowed.includes(n)).sort();
}

export async function auditHead(ds: DataSource): Promise<number> {
  const [{ seq }] = (await ds.query('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_events')) as Array<{
    seq: number | string;
  }>;
  return Number(seq);
}

/** Actions of the audit events written after `seq`, other than the denials the guard records. */
export async function auditedSince(ds: DataSource, seq: number): Promise<string[]> {
  const rows = (await ds.query(
    "SELECT action FROM audit_events WHERE seq > ? AND action <> 'access.denied' ORDER BY seq",
    [seq],
  )) as Array<{ action: string }>;
  return rows.map((r) => r.action);
}
