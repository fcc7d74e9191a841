import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, ChangePasswordRequest } from '../../../api';

/** The signed-in user's own account: `/api/v1/me/…`. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  /** 204; every other session of the user ends. */
  changePassword(body: ChangePasswordRequest, context?: HttpContext): Observable<void> {
    return this.http.post<void>(`${API_V1}/me/password`, body, { context });
  }
}
