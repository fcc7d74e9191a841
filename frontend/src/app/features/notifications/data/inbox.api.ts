import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, InboxPage, toHttpParams } from '../../../api';

const INBOX = `${API_V1}/inbox`;

/** `/api/v1/inbox`: my messages, newest first, and how many are unread. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  list(page = 1, pageSize = 20, context?: HttpContext): Observable<InboxPage> {
    return this.http.get<InboxPage>(INBOX, { params: toHttpParams({ page, pageSize }), context });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${INBOX}/${id}/read`, {});
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${INBOX}/read-all`, {});
  }
}
