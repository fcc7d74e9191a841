import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum EvaluationErrorCode {
  TEMPLATE_NOT_FOUND = 'EVALUATION_TEMPLATE_NOT_FOUND',
  TEMPLATE_INVALID = 'EVALUATION_TEMPLATE_INVALID',
  /** A template a task has used cannot change (make a new version). */
  TEMPLATE_FROZEN = 'EVALUATION_TEMPLATE_FROZEN',
  TASK_NOT_FOUND = 'EVALUATION_TASK_NOT_FOUND',
  TASK_INVALID = 'EVALUATION_TASK_INVALID',
  TASK_ILLEGAL_TRANSITION = 'EVALUATION_TASK_ILLEGAL_TRANSITION',
  /** The agency or the evaluator has a conflict of interest with the evaluated organisation. */
  CONFLICT_OF_INTEREST = 'EVALUATION_CONFLICT_OF_INTEREST',
  SCORES_INCOMPLETE = 'EVALUATION_SCORES_INCOMPLETE',
  SURVEY_NOT_FOUND = 'EVALUATION_SURVEY_NOT_FOUND',
  SURVEY_CLOSED = 'EVALUATION_SURVEY_CLOSED',
  /** The resident is not among those who may answer (raisers, supporters, recorded beneficiaries; verified). */
  SURVEY_NOT_ELIGIBLE = 'EVALUATION_SURVEY_NOT_ELIGIBLE',
  SURVEY_INVALID = 'EVALUATION_SURVEY_INVALID',
  OBJECTION_NOT_FOUND = 'EVALUATION_OBJECTION_NOT_FOUND',
  OBJECTION_INVALID = 'EVALUATION_OBJECTION_INVALID',
  OBJECTION_WINDOW_CLOSED = 'EVALUATION_OBJECTION_WINDOW_CLOSED',
  OBJECTION_ILLEGAL_TRANSITION = 'EVALUATION_OBJECTION_ILLEGAL_TRANSITION',
  BATCH_NOT_FOUND = 'EVALUATION_BATCH_NOT_FOUND',
  BATCH_INVALID = 'EVALUATION_BATCH_INVALID',
  ASSESSMENT_NOT_FOUND = 'EVALUATION_ASSESSMENT_NOT_FOUND',
  ASSESSMENT_INVALID = 'EVALUATION_ASSESSMENT_INVALID',
  ASSESSMENT_ILLEGAL_TRANSITION = 'EVALUATION_ASSESSMENT_ILLEGAL_TRANSITION',
  EVIDENCE_NOT_FOUND = 'EVALUATION_EVIDENCE_NOT_FOUND',
  EVIDENCE_INVALID = 'EVALUATION_EVIDENCE_INVALID',
  /** The organisation already has an assessment in progress, submitted or returned (one at a time). */
  ASSESSMENT_OPEN = 'EVALUATION_ASSESSMENT_OPEN',
  /** Whoever scored or submitted an assessment cannot decide or return it. */
  SEPARATION_OF_DUTIES = 'EVALUATION_SEPARATION_OF_DUTIES',
  GRADE_CUTOFF_INVALID = 'EVALUATION_GRADE_CUTOFF_INVALID',
  /** No region above the organisation's draws grade lines: an officer must set them before the result is graded. */
  GRADE_CUTOFF_MISSING = 'EVALUATION_GRADE_CUTOFF_MISSING',
}

const STATUS: Record<EvaluationErrorCode, ProblemStatus> = {
  [EvaluationErrorCode.TEMPLATE_NOT_FOUND]: 404,
  [EvaluationErrorCode.TEMPLATE_INVALID]: 422,
  [EvaluationErrorCode.TEMPLATE_FROZEN]: 409,
  [EvaluationErrorCode.TASK_NOT_FOUND]: 404,
  [EvaluationErrorCode.TASK_INVALID]: 422,
  [EvaluationErrorCode.TASK_ILLEGAL_TRANSITION]: 409,
  [EvaluationErrorCode.CONFLICT_OF_INTEREST]: 422,
  [EvaluationErrorCode.SCORES_INCOMPLETE]: 422,
  [EvaluationErrorCode.SURVEY_NOT_FOUND]: 404,
  [EvaluationErrorCode.SURVEY_CLOSED]: 409,
  [EvaluationErrorCode.SURVEY_NOT_ELIGIBLE]: 403,
  [EvaluationErrorCode.SURVEY_INVALID]: 422,
  [EvaluationErrorCode.OBJECTION_NOT_FOUND]: 404,
  [EvaluationErrorCode.OBJECTION_INVALID]: 422,
  [EvaluationErrorCode.OBJECTION_WINDOW_CLOSED]: 409,
  [EvaluationErrorCode.OBJECTION_ILLEGAL_TRANSITION]: 409,
  [EvaluationErrorCode.BATCH_NOT_FOUND]: 404,
  [EvaluationErrorCode.BATCH_INVALID]: 422,
  [EvaluationErrorCode.ASSESSMENT_NOT_FOUND]: 404,
  [EvaluationErrorCode.ASSESSMENT_INVALID]: 422,
  [EvaluationErrorCode.ASSESSMENT_ILLEGAL_TRANSITION]: 409,
  [EvaluationErrorCode.EVIDENCE_NOT_FOUND]: 404,
  [EvaluationErrorCode.EVIDENCE_INVALID]: 422,
  [EvaluationErrorCode.ASSESSMENT_OPEN]: 409,
  [EvaluationErrorCode.SEPARATION_OF_DUTIES]: 403,
  [EvaluationErrorCode.GRADE_CUTOFF_INVALID]: 422,
  [EvaluationErrorCode.GRADE_CUTOFF_MISSING]: 422,
};

export class EvaluationError extends DomainError {
  constructor(code: EvaluationErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
