import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  API_V1,
  CreateUserRequest,
  newIdempotencyKey,
  Page,
  TemporaryPassword,
  toHttpParams,
  UpdateUserRequest,
  User,
  UserListQuery,
} from '../../../api';

const USERS = `${API_V1}/users`;

/** `/api/v1/users` */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<Page<User>> {
    return this.http.get<Page<User>>(USERS, { params: toHttpParams(query) });
  }

  get(id: number): Observable<User> {
    return this.http.get<User>(`${USERS}/${id}`);
  }

  /** `idempotencyKey`: keep the same key when retrying the same form, so a double submit creates one user. */
  create(body: CreateUserRequest, idempotencyKey: string = newIdempotencyKey()): Observable<User> {
    return this.http.post<User>(USERS, body, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  update(id: number, body: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${USERS}/${id}`, body);
  }

  disable(id: number): Observable<User> {
    return this.http.post<User>(`${USERS}/${id}/disable`, {});
  }

  enable(id: number): Observable<User> {
    return this.http.post<User>(`${USERS}/${id}/enable`, {});
  }

  /** A temporary password, shown once: the user must change it at the next sign-in. */
  resetPassword(id: number, context?: HttpContext): Observable<TemporaryPassword> {
    return this.http.post<TemporaryPassword>(`${USERS}/${id}/reset-password`, {}, { context });
  }

  unlock(id: number): Observable<User> {
    return this.http.post<User>(`${USERS}/${id}/unlock`, {});
  }
}
