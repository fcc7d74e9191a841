import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1 } from '../../../api';

export interface QueueCounts {
  name: string;
  counts: Record<'waiting' | 'delayed' | 'active' | 'completed' | 'failed', number>;
}

export interface BoardSession {
  /** Where the board is (`/api/v1/queues/board`); the cookie just set is valid there only. */
  url: string;
  expiresIn: number;
}

/** `/api/v1/queues`: job counts per queue, and the queue board's session. */
@Injectable({ providedIn: 'root' })
export class QueuesApi {
  private readonly http = inject(HttpClient);

  counts(): Observable<QueueCounts[]> {
    return this.http.get<QueueCounts[]>(`${API_V1}/queues`);
  }

  /** Sets the board's HttpOnly cookie (a browser opening the board sends no bearer token). */
  openBoard(): Observable<BoardSession> {
    return this.http.post<BoardSession>(`${API_V1}/queues/board-session`, {});
  }
}
