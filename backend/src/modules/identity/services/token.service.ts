import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Sign-in only: the password was reset and must be changed before anything else. */
  mustChangePassword?: boolean;
}

export interface AccessClaims {
  sub: number;
  sid: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Short-lived JWT access tokens and opaque, rotating refresh tokens kept as hashes. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: Env,
  ) {}

  async startSession(
    em: EntityManager,
    userId: number,
    now: Date,
    ip: string | null,
  ): Promise<{ session: SessionEntity; pair: TokenPair }> {
    const session = em.create(SessionEntity, {
      id: randomUUID(),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.env.SESSION_MAX_DAYS * 86_400_000),
      revokedAt: null,
      revokedReason: null,
      ip,
    });
    await em.insert(SessionEntity, session);
    return { session, pair: await this.issue(em, session, now) };
  }

  /** A new access token and a new refresh token in `session`. */
  async issue(em: EntityManager, session: SessionEntity, now: Date): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiry = Math.min(
      now.getTime() + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
      session.expiresAt.getTime(),
    );
    await em.insert(RefreshTokenEntity, {
      sessionId: session.id,
      tokenHash: hashToken(refreshToken),
      createdAt: now,
      expiresAt: new Date(refreshExpiry),
      usedAt: null,
    });
    const claims: AccessClaims = { sub: session.userId, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS };
  }

  async verifyAccess(token: string): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp: number; aud?: unknown }>(token, {
        algorithms: ['HS256'],
      });
      // A scoped token (an audience: the queue board's cookie) is never an access token.
      if (claims.aud !== undefined) return null;
      if (typeof claims.sub !== 'number' || typeof claims.sid !== 'string') return null;
      return { sub: claims.sub, sid: claims.sid };
    } catch {
      return null;
    }
  }

  /**
   * A short-lived token for one purpose only (`audience`, e.g. the queue board's cookie), bound to the same session
   * as the access token it was issued against: revoking the session or disabling the user ends it too. Never
   * accepted as an access token ({@link verifyAccess} refuses any token with an audience).
   */
  issueScoped(claims: AccessClaims, audience: string, ttlSeconds: number): Promise<string> {
    return this.jwt.signAsync({ sub: claims.sub, sid: claims.sid }, { expiresIn: ttlSeconds, audience });
  }

  async verifyScoped(token: string, audience: string): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp: number }>(token, {
        algorithms: ['HS256'],
        audience,
      });
      if (typeof claims.sub !== 'number' || typeof claims.sid !== 'string') return null;
      return { sub: claims.sub, sid: claims.sid };
    } catch {
      return null;
    }
  }
}
