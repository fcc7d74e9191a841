import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  API_V1,
  Contact,
  Delivery,
  DeliveryStatus,
  NotificationChannel,
  NotificationPreferences,
  Page,
  toHttpParams,
  UpdateContactRequest,
  UpdateNotificationPreferences,
} from '../../../api';

/** 通知设置: my channels (`/me/notification-preferences`) and my addresses (`/me/contact`). */
@Injectable({ providedIn: 'root' })
export class NotificationSettingsApi {
  private readonly http = inject(HttpClient);

  get(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(`${API_V1}/me/notification-preferences`);
  }

  save(body: UpdateNotificationPreferences, context?: HttpContext): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(`${API_V1}/me/notification-preferences`, body, { context });
  }

  saveContact(body: UpdateContactRequest, context?: HttpContext): Observable<Contact> {
    return this.http.patch<Contact>(`${API_V1}/me/contact`, body, { context });
  }
}

/** 投递失败: administrators' list of e-mail/SMS deliveries and their retries. */
@Injectable({ providedIn: 'root' })
export class DeliveriesApi {
  private readonly http = inject(HttpClient);

  list(q: { status: DeliveryStatus; channel: NotificationChannel | null; page: number; pageSize: number }) {
    return this.http.get<Page<Delivery>>(`${API_V1}/notifications/deliveries`, { params: toHttpParams(q) });
  }

  retry(id: string): Observable<Delivery> {
    return this.http.post<Delivery>(`${API_V1}/notifications/deliveries/${id}/retry`, {});
  }

  retryFailed(channel: NotificationChannel | null): Observable<{ retried: number }> {
    return this.http.post<{ retried: number }>(
      `${API_V1}/notifications/deliveries/retry-failed`,
      channel ? { channel } : {},
    );
  }
}
