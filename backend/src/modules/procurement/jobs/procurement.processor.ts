import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { ObjectionsService } from '../services/objections.service';
import {
  AWARD_REMINDER_JOB,
  OBJECTION_ANSWER_REMINDER_JOB,
  OBJECTION_WINDOW_JOB,
  ObjectionJobPayload,
  TENDER_DEADLINE_JOB,
  TenderJobPayload,
  TickResult,
} from '../services/procurement-deadlines';
import { TendersService } from '../services/tenders.service';

/**
 * Worker-side consumer of the procurement queue. Each job only asks the database whether its
 * transition is due; a job that fires early is delayed again, one that fires twice does nothing.
 */
@Processor(QUEUES.PROCUREMENT)
export class ProcurementProcessor extends WorkerHost {
  constructor(
    private readonly tenders: TendersService,
    private readonly objections: ObjectionsService,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    const { tenderId } = job.data as TenderJobPayload;
    let outcome: TickResult;
    switch (job.name) {
      case OBJECTION_ANSWER_REMINDER_JOB:
        outcome = await this.objections.answerReminderTick((job.data as ObjectionJobPayload).objectionId);
        break;
      case TENDER_DEADLINE_JOB:
        outcome = await this.tenders.deadlineTick(tenderId);
        break;
      case OBJECTION_WINDOW_JOB:
        outcome = await this.tenders.objectionWindowTick(tenderId);
        break;
      case AWARD_REMINDER_JOB:
        outcome = await this.tenders.reminderTick(tenderId);
        break;
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.PROCUREMENT}`);
    }
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
