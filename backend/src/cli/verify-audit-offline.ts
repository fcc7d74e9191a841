import { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { auditSigningKeyFile, Env } from '../config/env';
import { Checkpoint, keyIdOf } from '../modules/audit/domain/checkpoints';
import { ChainVerification, verifyStoredChain } from '../modules/audit/services/chain-verification';
import { isCheckpoint, parseCheckpointLines } from '../modules/audit/services/checkpoint-file';
import { parsePublicKey, readSigningKey } from '../modules/audit/services/signing-key';
import { openDataSource } from './db';

export interface OfflineOptions {
  /** Where the checkpoints come from: files (JSON lines, a JSON array or a page) or the public endpoint's URL. */
  checkpoints: string[];
  /** The trusted public key: a PEM file, or the URL of `/api/v1/public/audit/public-key` (then compare its keyId). */
  publicKey?: string;
  env: Env;
}

const isUrl = (s: string): boolean => /^https?:\/\//.test(s);

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** Every checkpoint from one source. */
export async function loadCheckpoints(source: string): Promise<Checkpoint[]> {
  if (isUrl(source)) {
    const out: Checkpoint[] = [];
    for (let page = 1; ; page++) {
      const url = new URL(source);
      url.searchParams.set('page', String(page));
      url.searchParams.set('pageSize', '100');
      const body = (await getJson(url.toString())) as { items: unknown[]; total: number };
      out.push(...body.items.filter(isCheckpoint));
      if (body.items.length === 0 || out.length >= body.total) return out;
    }
  }
  const text = readFileSync(source, 'utf8').trim();
  if (text.startsWith('[') || text.startsWith('{"items"')) {
    const parsed = JSON.parse(text) as unknown;
    const items = Array.isArray(parsed) ? parsed : (parsed as { items: unknown[] }).items;
    return items.filter(isCheckpoint);
  }
  return parseCheckpointLines(text);
}

export async function loadPublicKey(source: string | undefined, env: Env): Promise<KeyObject> {
  if (source === undefined) {
    const own = readSigningKey(auditSigningKeyFile(env));
    if (own === null) throw new Error('no public key: pass --public-key <file|url>');
    return parsePublicKey(own.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  if (isUrl(source)) return parsePublicKey(((await getJson(source)) as { publicKeyPem: string }).publicKeyPem);
  return parsePublicKey(readFileSync(source, 'utf8'));
}

/**
 * Recomputes the chain from the database (a replica, a restored dump, read access is enough) and compares it
 * with checkpoints the auditor obtained independently of that database.
 */
export async function verifyAuditOffline(opts: OfflineOptions): Promise<ChainVerification> {
  const publicKey = await loadPublicKey(opts.publicKey, opts.env);
  const published: Checkpoint[] = [];
  for (const source of opts.checkpoints) published.push(...(await loadCheckpoints(source)));
  const ds = await openDataSource(opts.env);
  try {
    return await verifyStoredChain(ds, { publicKey, keyId: keyIdOf(publicKey), published });
  } finally {
    await ds.destroy();
  }
}
