import { bpToPercent, CHANGE_ORDER_CAP_BP, maxShareFen, WHOLE_BP } from './money-rules';

/**
 * The arithmetic of change orders and termination, pure and exact (integer fen, basis points). The services decide
 * with these functions inside their transactions; their oracles are in change-orders.rules.spec.ts.
 */

/** Where a contract stands against the 10 % cap: what is approved, what the cap allows, what is left. */
export interface ChangeCap {
  originalFen: bigint;
  approvedFen: bigint;
  capFen: bigint;
  remainingFen: bigint;
  /** Approved change orders as a percentage of the original amount, two decimals, rounded down ("10.00"). */
  usedPercent: string;
}

export function changeCap(originalFen: bigint, approvedFen: bigint, capBp = CHANGE_ORDER_CAP_BP): ChangeCap {
  const capFen = maxShareFen(originalFen, capBp);
  const remaining = capFen - approvedFen;
  const usedBp = originalFen > 0n ? Number((approvedFen * BigInt(WHOLE_BP)) / originalFen) : 0;
  return {
    originalFen,
    approvedFen,
    capFen,
    remainingFen: remaining > 0n ? remaining : 0n,
    usedPercent: bpToPercent(usedBp),
  };
}

/**
 * The share (basis points of the original amount) written on the milestone a change order adds: its amount over the
 * original, half-up, at least 1 bp (the milestone's own amount is the exact figure; the share is for reading).
 */
export function changeMilestoneShareBp(amountFen: bigint, originalFen: bigint): number {
  const bp = Number((2n * amountFen * BigInt(WHOLE_BP) + originalFen) / (2n * originalFen));
  return Math.min(WHOLE_BP, Math.max(1, bp));
}

/** The ledger's movements that reference one contract, summed by operation (fen). */
export interface ContractLedgerSums {
  /** COMMIT (signing) and COMMIT_DIRECT (change orders). */
  committedFen: bigint;
  /** RELEASE_COMMITMENT already posted (e.g. a withheld final tranche). */
  releasedFen: bigint;
  /** DISBURSE: what was paid. */
  paidFen: bigint;
}

/**
 * What a termination releases back to the budget line: everything committed for the contract that is neither paid
 * nor already released nor owed by a payment request finance has approved (`heldBackFen`, paid later from the
 * commitment). Never negative.
 */
export function terminationReleaseFen(sums: ContractLedgerSums, heldBackFen: bigint): bigint {
  const open = sums.committedFen - sums.releasedFen - sums.paidFen - heldBackFen;
  return open > 0n ? open : 0n;
}
