import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1 } from '../../../api';
import { Desk } from './desk.types';

/** `/api/v1/desk`: my work, every role's own (SELF_READ; the server decides what each role sees). */
@Injectable({ providedIn: 'root' })
export class DeskApi {
  private readonly http = inject(HttpClient);

  get(): Observable<Desk> {
    return this.http.get<Desk>(`${API_V1}/desk`);
  }
}
