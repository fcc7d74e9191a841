import { createHmac } from 'node:crypto';

/**
 * The mid-term sampling draw (issue #11 item 2: "a mid-term evaluation is drawn for a random sample of at least
 * 30 % of active contracts per region and batch, with a cryptographically random draw whose seed and result go
 * into the audit trail so anyone can re-run it").
 *
 * The randomness is one 32-byte seed from the operating system's CSPRNG (crypto.randomBytes), drawn when the batch
 * is made and never chosen by anyone. Everything after it is deterministic and public (docs/domain/evaluation.md,
 * "Sampling"):
 *  1. the candidates are grouped by district (each group is one district's candidate contracts, by contract code);
 *  2. in each group, every candidate gets the key HMAC-SHA256(key = the 32 seed bytes, message = the contract
 *     code as UTF-8), written as 64 lower-case hex digits;
 *  3. the group is ordered by key ascending (the code breaks a tie, which never happens in practice);
 *  4. the first k = ⌈n × rate⌉ of the n candidates are drawn (rate in basis points: k = ⌈n × bp ÷ 10000⌉).
 * So every district with at least one candidate has at least 30 % of its candidates drawn (at least one), and
 * anyone holding the seed and the candidate lists gets the same result with a one-line `openssl dgst`.
 */

export const MIN_SAMPLE_BP = 3000;
export const MAX_SAMPLE_BP = 10000;

/** The procedure's name as it is written into the batch's audit event. */
export const DRAW_PROCEDURE =
  'per district: order candidates by HMAC-SHA256(seed, contract code) ascending (hex), take the first ceil(n × rate)';

const SEED = /^[0-9a-f]{64}$/;

export function isSeed(seed: string): boolean {
  return SEED.test(seed);
}

/** ⌈n × bp ÷ 10000⌉ in integers (no float rounding): how many of n candidates a rate draws. */
export function sampleSize(n: number, bp: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  if (!Number.isInteger(bp) || bp < 0 || bp > MAX_SAMPLE_BP) throw new RangeError('bp must be 0–10000');
  return Math.floor((n * bp + MAX_SAMPLE_BP - 1) / MAX_SAMPLE_BP);
}

/** A candidate's draw key: HMAC-SHA256 keyed with the seed's 32 bytes over the contract code. */
export function drawKey(seed: string, code: string): string {
  if (!isSeed(seed)) throw new RangeError('the seed is 64 lower-case hex digits (32 bytes)');
  return createHmac('sha256', Buffer.from(seed, 'hex')).update(code, 'utf8').digest('hex');
}

export interface DrawGroup {
  /** The district (or, for contracts held above any district, the region itself) the candidates belong to. */
  regionId: number;
  /** Contract codes, in any order. */
  candidates: readonly string[];
}

export interface DrawnGroup {
  regionId: number;
  candidateCount: number;
  /** ⌈n × rate⌉ */
  size: number;
  /** The drawn codes in draw order (ascending key). */
  drawn: string[];
}

/** The draw itself: deterministic from the seed, the groups and the rate. */
export function drawSample(seed: string, groups: readonly DrawGroup[], bp: number): DrawnGroup[] {
  return groups.map((g) => {
    const unique = [...new Set(g.candidates)];
    const keyed = unique.map((code) => ({ code, key: drawKey(seed, code) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const size = sampleSize(unique.length, bp);
    return {
      regionId: g.regionId,
      candidateCount: unique.length,
      size,
      drawn: keyed.slice(0, size).map((k) => k.code),
    };
  });
}

/** "30.00" (percent, two decimals at most) → 3000 basis points; null when it is not a percentage. */
export function percentToBp(percent: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function bpToPercent(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** A recorded draw as anyone may hold it: a batch's page (`GET /evaluation/batches/:id`) or its audit event. */
export interface DrawRecord {
  seed: string;
  /** "30.00" */
  samplePercent: string;
  groups: Array<{ name: string; candidates: string[]; drawn: string[] }>;
}

/**
 * Reads a draw record from the JSON of a batch (`groups[].candidates[].code`, `groups[].drawn[].code`) or of its audit
 * event's `after` (`candidates[].codes`, `drawn[].codes` by `regionCode`); null when it is neither.
 */
export function readDrawRecord(json: unknown): DrawRecord | null {
  const o = json as Record<string, unknown> | null;
  if (o === null || typeof o !== 'object' || typeof o.seed !== 'string' || typeof o.samplePercent !== 'string')
    return null;
  type Code = { code: string };
  if (Array.isArray(o.groups))
    return {
      seed: o.seed,
      samplePercent: o.samplePercent,
      groups: (o.groups as Array<{ regionName: string; candidates: Code[]; drawn: Code[] }>).map((g) => ({
        name: g.regionName,
        candidates: g.candidates.map((c) => c.code),
        drawn: g.drawn.map((c) => c.code),
      })),
    };
  if (Array.isArray(o.candidates) && Array.isArray(o.drawn)) {
    const drawn = o.drawn as Array<{ regionCode: string; codes: string[] }>;
    return {
      seed: o.seed,
      samplePercent: o.samplePercent,
      groups: (o.candidates as Array<{ regionCode: string; codes: string[] }>).map((g) => ({
        name: g.regionCode,
        candidates: g.codes,
        drawn: drawn.find((d) => d.regionCode === g.regionCode)?.codes ?? [],
      })),
    };
  }
  return null;
}

/** The draw of a record done again: per group what was recorded, what the procedure draws, and whether they agree. */
export function recheckDraw(
  r: DrawRecord,
): Array<{ name: string; recorded: string[]; recomputed: string[]; matches: boolean }> {
  const bp = percentToBp(r.samplePercent);
  if (bp === null) throw new RangeError(`not a percentage: ${r.samplePercent}`);
  return r.groups.map((g, i) => {
    const [again] = drawSample(r.seed, [{ regionId: i, candidates: g.candidates }], bp);
    return {
      name: g.name,
      recorded: g.drawn,
      recomputed: again.drawn,
      matches: again.drawn.length === g.drawn.length && again.drawn.every((c, j) => c === g.drawn[j]),
    };
  });
}
