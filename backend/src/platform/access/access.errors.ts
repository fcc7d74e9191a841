import { DomainError } from '../http/domain-error';

export class AccessError extends DomainError {
  static unauthenticated(): AccessError {
    return new AccessError('UNAUTHENTICATED', 401, 'Sign in to continue (missing, invalid or expired access token).');
  }
  static forbidden(permission: string): AccessError {
    return new AccessError('FORBIDDEN', 403, `You do not have the permission this action needs (${permission}).`, {
      permission,
    });
  }
  static notDeclared(): AccessError {
    return new AccessError('FORBIDDEN', 403, 'This endpoint is not open to anyone.');
  }
}
