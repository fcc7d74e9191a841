import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import {
  CAMPAIGN_CLOSE_JOB,
  CAMPAIGN_OPEN_JOB,
  CampaignDeadlinePayload,
  CampaignsService,
} from '../services/campaigns.service';

/** Worker-side consumer of the needs queue: campaign opening and closing. */
@Processor(QUEUES.NEEDS)
export class NeedsProcessor extends WorkerHost {
  constructor(private readonly campaigns: CampaignsService) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    switch (job.name) {
      case CAMPAIGN_OPEN_JOB:
      case CAMPAIGN_CLOSE_JOB: {
        const outcome = await this.campaigns.tick((job.data as CampaignDeadlinePayload).campaignId);
        if (outcome.result === 'NOT_DUE') {
          await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
          throw new DelayedError();
        }
        return outcome.result;
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.NEEDS}`);
    }
  }
}
