import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  API_V1,
  AuditChainState,
  AuditEvent,
  AuditQuery,
  AuditTakeCheckpointResult,
  AuditVerifyResult,
  Page,
  toHttpParams,
} from '../../../api';

const AUDIT = `${API_V1}/audit`;

/** `/api/v1/audit` */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>(AUDIT, { params: toHttpParams(query) });
  }

  verify(): Observable<AuditVerifyResult> {
    return this.http.get<AuditVerifyResult>(`${AUDIT}/verify`);
  }

  state(): Observable<AuditChainState> {
    return this.http.get<AuditChainState>(`${AUDIT}/state`);
  }

  takeCheckpoint(): Observable<AuditTakeCheckpointResult> {
    return this.http.post<AuditTakeCheckpointResult>(`${AUDIT}/checkpoints`, null);
  }
}
