import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, CalendarYear, IsoDate, PutCalendarDayRequest, toHttpParams, WorkingDaysResult } from '../../../api';

const CALENDAR = `${API_V1}/calendar`;

/** `/api/v1/calendar` */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  year(year: number): Observable<CalendarYear> {
    return this.http.get<CalendarYear>(`${CALENDAR}/${year}`);
  }

  putDay(date: IsoDate, body: PutCalendarDayRequest): Observable<void> {
    return this.http.put<void>(`${CALENDAR}/days/${date}`, body);
  }

  deleteDay(date: IsoDate): Observable<void> {
    return this.http.delete<void>(`${CALENDAR}/days/${date}`);
  }

  addWorkingDays(from: IsoDate, days: number): Observable<WorkingDaysResult> {
    return this.http.get<WorkingDaysResult>(`${CALENDAR}/add-working-days`, { params: toHttpParams({ from, days }) });
  }
}
