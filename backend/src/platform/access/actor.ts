import { Role } from './permissions';

/** Who is acting: the signed-in user (or the system, for jobs), with their scope. */
export interface Actor {
  userId: number;
  username: string;
  roles: Role[];
  /** Materialised path of the user's region, e.g. `/1/4/`; null for users without a region. */
  regionPath: string | null;
  regionId: number | null;
  organisationId: number | null;
  sessionId: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: 0,
  username: 'system',
  roles: [],
  regionPath: null,
  regionId: null,
  organisationId: null,
  sessionId: null,
  ip: null,
}) as Actor;

/** Resolves a verified access token to an actor; implemented by the identity context. */
export interface ActorResolver {
  /** Returns null when the token is invalid, expired, its session revoked or its user disabled. */
  resolve(bearerToken: string, ip: string | null): Promise<Actor | null>;
  /**
   * A token for one purpose (`audience`) and `ttlSeconds`, bound to the actor's session — for a URL a browser opens
   * without the bearer header (the queue board's cookie). Never valid as a bearer token.
   */
  issueScoped(actor: Actor, audience: string, ttlSeconds: number): Promise<string>;
  /**
   * The actor of a scoped token: null when its signature, audience or expiry is wrong, its session is revoked or
   * expired, or its user is no longer active or must change their password first. Roles are read now.
   */
  resolveScoped(token: string, audience: string, ip: string | null): Promise<Actor | null>;
  /** True when `actor` (resolved from a bearer token by {@link resolve}) must change a reset password first. */
  mustChangePassword(actor: Actor): boolean;
  /** Writes the audit event for a denied request. */
  recordDenied(actor: Actor, permission: string, method: string, path: string): Promise<void>;
}
export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
