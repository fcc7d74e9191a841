import { DeadlineJob, deadlineJobId, QUEUES } from '../../../platform/queue';
import { SIGNATURE_REMINDER_DAYS } from '../domain/contract-draft';

/**
 * The contract's legal clocks on the CONTRACTS queue: signature reminders (7 and 1 days before) and the signature
 * deadline (30 days after the award notice), and the publication deadline (2 working days after signing). A job
 * only asks the database (with its clock) whether something is due; the reconciler rebuilds them from the rows.
 */
export const SIGNATURE_REMINDER_JOB = 'contract-signature-reminder';
export const SIGNATURE_DUE_JOB = 'contract-signature-due';
export const PUBLICATION_DUE_JOB = 'contract-publication-due';
export type ContractJobName = typeof SIGNATURE_REMINDER_JOB | typeof SIGNATURE_DUE_JOB | typeof PUBLICATION_DUE_JOB;

export interface ContractJobPayload {
  contractId: number;
}

const DAY_MS = 86_400_000;

export function contractJob(name: ContractJobName, contractId: number, runAt: Date): DeadlineJob<ContractJobPayload> {
  return {
    queue: QUEUES.CONTRACTS,
    name,
    jobId: deadlineJobId(name, contractId, runAt.getTime()),
    payload: { contractId },
    runAt,
  };
}

/** The reminder instants before a signature deadline, earliest first. */
export function reminderPoints(signatureDueAt: Date): Date[] {
  return SIGNATURE_REMINDER_DAYS.map((d) => new Date(signatureDueAt.getTime() - d * DAY_MS));
}

/** The next reminder still to send: the latest point already passed that has not been reminded, else the next one. */
export function nextReminder(signatureDueAt: Date, remindedAt: Date | null): Date | null {
  return reminderPoints(signatureDueAt).find((p) => remindedAt === null || remindedAt < p) ?? null;
}

export type ContractTick = { result: string } | { result: 'NOT_DUE'; dueInMs: number };
