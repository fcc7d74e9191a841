import { Injectable } from '@nestjs/common';

import { CUSTODY_REFUND_DUE_JOB, CustodyJobPayload, CustodyService, CustodyTick } from '../services/custody.service';

/**
 * The custody jobs (names `custody.*`, on the CONTRACTS queue), for whichever processor consumes that queue: each
 * only asks the database whether its transition is due (NOT_DUE: delay again; twice: nothing happens).
 */
@Injectable()
export class CustodyJobs {
  constructor(private readonly custody: CustodyService) {}

  handles(name: string): boolean {
    return name.startsWith('custody.');
  }

  handle(name: string, payload: unknown): Promise<CustodyTick> {
    switch (name) {
      case CUSTODY_REFUND_DUE_JOB:
        return this.custody.refundDueTick((payload as CustodyJobPayload).accountId);
      default:
        throw new Error(`Unknown custody job ${name}`);
    }
  }
}
