import { Injectable } from '@nestjs/common';

/** What a deadline handler answers: done (with a word for the job log), or not yet due (delay again). */
export type EvaluationTick = { result: string } | { dueInMs: number };
export type EvaluationJobHandler = (data: unknown) => Promise<EvaluationTick>;

/**
 * The handlers of the EVALUATION queue by job name. One BullMQ worker consumes the queue (EvaluationProcessor)
 * and dispatches here, so each part of 验单 (final tasks, evaluation due dates, surveys, the objection window,
 * grade expiry) registers its own jobs at module start-up instead of adding a competing processor.
 */
@Injectable()
export class EvaluationJobs {
  private readonly handlers = new Map<string, EvaluationJobHandler>();

  register(name: string, handler: EvaluationJobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Evaluation job ${name} is registered twice`);
    this.handlers.set(name, handler);
  }

  handler(name: string): EvaluationJobHandler | undefined {
    return this.handlers.get(name);
  }
}
