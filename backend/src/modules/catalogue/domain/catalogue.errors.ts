import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum CatalogueErrorCode {
  VERSION_NOT_FOUND = 'CATALOGUE_VERSION_NOT_FOUND',
  CATEGORY_NOT_FOUND = 'CATALOGUE_CATEGORY_NOT_FOUND',
  ITEM_NOT_FOUND = 'CATALOGUE_ITEM_NOT_FOUND',
  NOT_DRAFT = 'CATALOGUE_NOT_DRAFT',
  CODE_TAKEN = 'CATALOGUE_CODE_TAKEN',
  INVALID = 'CATALOGUE_INVALID',
  NO_PUBLISHED_VERSION = 'CATALOGUE_NO_PUBLISHED_VERSION',
}

const STATUS: Record<CatalogueErrorCode, ProblemStatus> = {
  [CatalogueErrorCode.VERSION_NOT_FOUND]: 404,
  [CatalogueErrorCode.CATEGORY_NOT_FOUND]: 404,
  [CatalogueErrorCode.ITEM_NOT_FOUND]: 404,
  [CatalogueErrorCode.NOT_DRAFT]: 409,
  [CatalogueErrorCode.CODE_TAKEN]: 409,
  [CatalogueErrorCode.INVALID]: 422,
  [CatalogueErrorCode.NO_PUBLISHED_VERSION]: 404,
};

export class CatalogueError extends DomainError {
  constructor(code: CatalogueErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
