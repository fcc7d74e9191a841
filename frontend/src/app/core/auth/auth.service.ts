import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Permission, permissionsOf } from '@diandan/access';
import { catchError, finalize, map, Observable, of, shareReplay, switchMap, tap, throwError } from 'rxjs';

import { API_V1, LoginRequest, Me, TokenPair } from '../../api';
import { silentErrors } from '../http/http-context';
import { TokenStore } from './token-store';

export const AUTH_URLS = {
  login: `${API_V1}/auth/login`,
  refresh: `${API_V1}/auth/refresh`,
  logout: `${API_V1}/auth/logout`,
  me: `${API_V1}/me`,
} as const;

/** Requests that must never carry a bearer token nor trigger a refresh. */
export function isAuthEndpoint(url: string): boolean {
  return url.includes(`${API_V1}/auth/`);
}

/** The server turned the tokens down (as opposed to being unreachable): the session is over. */
function isSessionRejected(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 400 || error.status === 401 || error.status === 403);
}

/** The session: tokens, the signed-in user (`GET /me`) and what they may do. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly tokens = inject(TokenStore);

  private readonly currentUser = signal<Me | null>(null);
  /** The signed-in user, or null. */
  readonly me = this.currentUser.asReadonly();
  readonly hasSession = computed(() => this.tokens.refreshToken() !== null || this.tokens.accessToken() !== null);
  /** Permission codes from `/me` (derived from the roles when the server sent none). */
  readonly permissions = computed<readonly string[]>(() => {
    const me = this.currentUser();
    if (!me) return [];
    return me.permissions?.length ? me.permissions : permissionsOf(me.roles);
  });

  private refreshInFlight: Observable<string> | null = null;
  private meInFlight: Observable<Me | null> | null = null;

  can(permission: Permission): boolean {
    return this.permissions().includes(permission);
  }

  accessToken(): string | null {
    return this.tokens.accessToken();
  }

  login(credentials: LoginRequest): Observable<Me> {
    return this.http.post<TokenPair>(AUTH_URLS.login, credentials, { context: silentErrors() }).pipe(
      tap((pair) => this.tokens.save(pair)),
      switchMap(() => this.loadMe()),
    );
  }

  /** Loads `/me` into the `me` signal. */
  loadMe(): Observable<Me> {
    return this.http.get<Me>(AUTH_URLS.me, { context: silentErrors() }).pipe(tap((me) => this.currentUser.set(me)));
  }

  /**
   * The user for a guard: the loaded one, or `/me` fetched once however many guards ask,
   * or null when there is no (longer a) session.
   */
  ensureMe(): Observable<Me | null> {
    const me = this.currentUser();
    if (me) return of(me);
    if (!this.hasSession()) return of(null);
    this.meInFlight ??= this.loadMe().pipe(
      catchError((error: unknown) => {
        if (isSessionRejected(error)) this.clearSession();
        return of(null);
      }),
      finalize(() => (this.meInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.meInFlight;
  }

  /**
   * Trades the refresh token for a new pair and emits the new access token. Concurrent callers
   * share the one request in flight (the server spends a refresh token on first use, and
   * presenting it twice would revoke the whole session family).
   */
  refresh(): Observable<string> {
    if (this.refreshInFlight) return this.refreshInFlight;
    const refreshToken = this.tokens.refreshToken();
    if (!refreshToken) return throwError(() => new Error('No refresh token'));
    this.refreshInFlight = this.http
      .post<TokenPair>(AUTH_URLS.refresh, { refreshToken }, { context: silentErrors() })
      .pipe(
        tap({
          next: (pair) => this.tokens.save(pair),
          error: (error: unknown) => {
            if (isSessionRejected(error)) this.clearSession();
          },
        }),
        map((pair) => pair.accessToken),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /** Revokes the session on the server (best effort) and forgets it here. */
  logout(): Observable<void> {
    const refreshToken = this.tokens.refreshToken();
    this.clearSession();
    if (!refreshToken) return of(undefined);
    return this.http.post<void>(AUTH_URLS.logout, { refreshToken }, { context: silentErrors() }).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
    );
  }

  clearSession(): void {
    this.tokens.clear();
    this.currentUser.set(null);
  }
}
