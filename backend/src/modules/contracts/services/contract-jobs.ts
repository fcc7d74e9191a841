import { Injectable } from '@nestjs/common';

import type { ContractTick } from './contract-deadlines';

export type ContractJobHandler = (data: unknown) => Promise<ContractTick>;

/**
 * The handlers of the CONTRACTS queue by job name. One BullMQ worker consumes the queue (ContractsProcessor) and
 * dispatches here, so each part of 买单 (contract, milestones, payments, custody) registers its own jobs at
 * module start-up instead of adding a competing processor on the same queue.
 */
@Injectable()
export class ContractJobs {
  private readonly handlers = new Map<string, ContractJobHandler>();

  register(name: string, handler: ContractJobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Contract job ${name} is registered twice`);
    this.handlers.set(name, handler);
  }

  handler(name: string): ContractJobHandler | undefined {
    return this.handlers.get(name);
  }
}
