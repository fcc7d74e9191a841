import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum RegionsErrorCode {
  REGION_NOT_FOUND = 'REGION_NOT_FOUND',
  REGION_CODE_INVALID = 'REGION_CODE_INVALID',
  REGION_CODE_TAKEN = 'REGION_CODE_TAKEN',
  REGION_NO_CHILD_LEVEL = 'REGION_NO_CHILD_LEVEL',
  CALENDAR_DATE_INVALID = 'CALENDAR_DATE_INVALID',
  CALENDAR_DAY_NOT_FOUND = 'CALENDAR_DAY_NOT_FOUND',
}

const STATUS: Record<RegionsErrorCode, ProblemStatus> = {
  REGION_NOT_FOUND: 404,
  REGION_CODE_INVALID: 422,
  REGION_CODE_TAKEN: 409,
  REGION_NO_CHILD_LEVEL: 422,
  CALENDAR_DATE_INVALID: 400,
  CALENDAR_DAY_NOT_FOUND: 404,
};

export class RegionsError extends DomainError {
  constructor(code: RegionsErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
