import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { CustodyJobs } from '../../funds';
import { ContractJobs } from '../services/contract-jobs';
import { isMilestoneJob, MilestoneClocks, MilestoneJobPayload } from './milestone-clocks';
import { PaymentJobs } from './payment-jobs';

/** One tick's answer: done (with what happened) or not due yet (delay again by this much). */
type Tick = { result: string } | { dueInMs: number };

interface JobHandler {
  handles(name: string): boolean;
  handle(name: string, payload: unknown): Promise<Tick>;
}

/**
 * The ONE consumer of the contracts queue (BullMQ gives any job of a queue to any of its workers, so the queue has
 * one processor that dispatches by job name): the contract's clocks (signature, publication) registered in
 * ContractJobs, the milestone clocks, the payment due dates and the custody refunds. Each handler only asks the
 * database whether its transition is due: a job that fires early is delayed again, one that fires twice does nothing.
 */
@Processor(QUEUES.CONTRACTS)
export class ContractsProcessor extends WorkerHost {
  private readonly handlers: JobHandler[];

  constructor(contracts: ContractJobs, milestones: MilestoneClocks, payments: PaymentJobs, custody: CustodyJobs) {
    super();
    this.handlers = [
      {
        handles: (name) => contracts.handler(name) !== undefined,
        handle: (name, payload) =>
          (contracts.handler(name) as NonNullable<ReturnType<ContractJobs['handler']>>)(payload),
      },
      {
        handles: isMilestoneJob,
        handle: (name, payload) => milestones.handle(name, payload as MilestoneJobPayload),
      },
      payments,
      custody,
    ];
  }

  async process(job: Job, token?: string): Promise<string> {
    const handler = this.handlers.find((h) => h.handles(job.name));
    if (!handler) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.CONTRACTS}`);
    const outcome = await handler.handle(job.name, job.data);
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
