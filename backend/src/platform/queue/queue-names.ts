/**
 * Every BullMQ queue, one per bounded context. Job names live beside their job class
 * (`modules/<ctx>/jobs/<name>.job.ts`).
 */
export const QUEUES = {
  AUDIT: 'audit',
  IDENTITY: 'identity',
  NEEDS: 'needs',
  ORGANISATIONS: 'organisations',
  PROCUREMENT: 'procurement',
  CONTRACTS: 'contracts',
  EVALUATION: 'evaluation',
  /** E-mail and SMS deliveries of inbox messages (one job per delivery and round). */
  NOTIFICATIONS: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
