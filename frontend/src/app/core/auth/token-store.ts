import { Injectable, signal } from '@angular/core';

import type { TokenPair } from '../../api';

export const ACCESS_TOKEN_KEY = 'diandan.accessToken';
export const REFRESH_TOKEN_KEY = 'diandan.refreshToken';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: tokens live for this page only */
  }
}

/** The access and refresh tokens, kept in localStorage so a reload keeps the session. */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  private readonly access = signal<string | null>(read(ACCESS_TOKEN_KEY));
  private readonly refresh = signal<string | null>(read(REFRESH_TOKEN_KEY));
  readonly accessToken = this.access.asReadonly();
  readonly refreshToken = this.refresh.asReadonly();

  save(pair: Pick<TokenPair, 'accessToken' | 'refreshToken'>): void {
    this.access.set(pair.accessToken);
    this.refresh.set(pair.refreshToken);
    write(ACCESS_TOKEN_KEY, pair.accessToken);
    write(REFRESH_TOKEN_KEY, pair.refreshToken);
  }

  clear(): void {
    this.access.set(null);
    this.refresh.set(null);
    write(ACCESS_TOKEN_KEY, null);
    write(REFRESH_TOKEN_KEY, null);
  }
}
