import { Injectable } from '@nestjs/common';

import { PAYMENT_DUE_JOB, PaymentJobPayload, PaymentsService, PaymentTick } from '../services/payments.service';

/**
 * The payment jobs of the contracts queue (names `payment.*`), as a handler the queue's processor delegates to:
 * each job only asks the database whether its transition is due (the database clock decides), so a duplicated
 * or early job does nothing wrong.
 */
@Injectable()
export class PaymentJobs {
  constructor(private readonly payments: PaymentsService) {}

  handles(name: string): boolean {
    return name.startsWith('payment.');
  }

  async handle(name: string, payload: unknown): Promise<PaymentTick> {
    switch (name) {
      case PAYMENT_DUE_JOB:
        return this.payments.dueTick((payload as PaymentJobPayload).requestId);
      default:
        throw new Error(`Unknown payment job ${name}`);
    }
  }
}
