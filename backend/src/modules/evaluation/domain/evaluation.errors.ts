import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum EvaluationErrorCode {
  TEMPLATE_NOT_FOUND = 'EVALUATION_TEMPLATE_NOT_FOUND',
  TEMPLATE_INVALID = 'EVALUATION_TEMPLATE_INVALID',
  /** A template a task has used cannot change (make a new version). */
  TEMPLATE_FROZEN = 'EVALUATION_TEMPLATE_FROZEN',
  /** Only a DRAFT template is edited (make a new version of an active or retired one). */
  TEMPLATE_NOT_DRAFT = 'EVALUATION_TEMPLATE_NOT_DRAFT',
  TEMPLATE_ILLEGAL_TRANSITION = 'EVALUATION_TEMPLATE_ILLEGAL_TRANSITION',
  /** A new template's code names an existing family (make a new version of it instead). */
  TEMPLATE_CODE_TAKEN = 'EVALUATION_TEMPLATE_CODE_TAKEN',
  /** The family already has a draft version (`draftId`): edit that one. */
  TEMPLATE_DRAFT_EXISTS = 'EVALUATION_TEMPLATE_DRAFT_EXISTS',
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
  /** A project has one survey: it was opened already. */
  SURVEY_EXISTS = 'EVALUATION_SURVEY_EXISTS',
  SURVEY_ILLEGAL_TRANSITION = 'EVALUATION_SURVEY_ILLEGAL_TRANSITION',
  /** The resident answered the survey themselves: a worker's proxy answer cannot replace it. */
  SURVEY_ANSWERED_BY_RESIDENT = 'EVALUATION_SURVEY_ANSWERED_BY_RESIDENT',
  /** A recorded beneficiary who has answered stays recorded (the answer counts). */
  SURVEY_BENEFICIARY_ANSWERED = 'EVALUATION_SURVEY_BENEFICIARY_ANSWERED',
  /** The project does not exist or is outside the caller's scope. */
  PROJECT_NOT_FOUND = 'EVALUATION_PROJECT_NOT_FOUND',
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
  /** A contract outside the reader's scope, or none (a final task made by hand). */
  CONTRACT_NOT_FOUND = 'EVALUATION_CONTRACT_NOT_FOUND',
  /** No leaf of that key in the task's indicator tree. */
  LEAF_NOT_FOUND = 'EVALUATION_LEAF_NOT_FOUND',
  /** A score that is not a decimal within the leaf's points, or an override / insufficient leaf without a reason. */
  SCORE_INVALID = 'EVALUATION_SCORE_INVALID',
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
  [EvaluationErrorCode.TEMPLATE_NOT_DRAFT]: 409,
  [EvaluationErrorCode.TEMPLATE_ILLEGAL_TRANSITION]: 409,
  [EvaluationErrorCode.TEMPLATE_CODE_TAKEN]: 409,
  [EvaluationErrorCode.TEMPLATE_DRAFT_EXISTS]: 409,
  [EvaluationErrorCode.TASK_NOT_FOUND]: 404,
  [EvaluationErrorCode.TASK_INVALID]: 422,
  [EvaluationErrorCode.TASK_ILLEGAL_TRANSITION]: 409,
  [EvaluationErrorCode.CONFLICT_OF_INTEREST]: 422,
  [EvaluationErrorCode.SCORES_INCOMPLETE]: 422,
  [EvaluationErrorCode.SURVEY_NOT_FOUND]: 404,
  [EvaluationErrorCode.SURVEY_CLOSED]: 409,
  [EvaluationErrorCode.SURVEY_NOT_ELIGIBLE]: 403,
  [EvaluationErrorCode.SURVEY_INVALID]: 422,
  [EvaluationErrorCode.SURVEY_EXISTS]: 409,
  [EvaluationErrorCode.SURVEY_ILLEGAL_TRANSITION]: 409,
  [EvaluationErrorCode.SURVEY_ANSWERED_BY_RESIDENT]: 409,
  [EvaluationErrorCode.SURVEY_BENEFICIARY_ANSWERED]: 409,
  [EvaluationErrorCode.PROJECT_NOT_FOUND]: 404,
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
  [EvaluationErrorCode.CONTRACT_NOT_FOUND]: 404,
  [EvaluationErrorCode.LEAF_NOT_FOUND]: 404,
  [EvaluationErrorCode.SCORE_INVALID]: 422,
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
