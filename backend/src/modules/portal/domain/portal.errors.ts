import { DomainError } from '../../../platform/http/domain-error';

export enum PortalErrorCode {
  REGION_NOT_FOUND = 'PORTAL_REGION_NOT_FOUND',
  PROJECT_NOT_FOUND = 'PORTAL_PROJECT_NOT_FOUND',
  COMMUNITY_NOT_FOUND = 'PORTAL_COMMUNITY_NOT_FOUND',
  ORGANISATION_NOT_FOUND = 'PORTAL_ORGANISATION_NOT_FOUND',
}

/** Everything the portal refuses is "not published": a record that does not exist and one that is not public alike. */
export class PortalError extends DomainError {
  constructor(code: PortalErrorCode, message: string) {
    super(code, 404, message);
  }
}
