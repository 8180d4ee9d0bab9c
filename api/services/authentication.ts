import { hashApiKey, sameSecret } from '../auth/api-key-secret';
import type { Principal } from '../auth/roles';

export const BOOTSTRAP_PRINCIPAL: Principal = {
  keyId: 'bootstrap',
  name: 'Bootstrap admin token (LEAKSHIELD_ADMIN_TOKEN)',
  role: 'ADMIN',
};

export interface AuthenticatorOptions {
  /** LEAKSHIELD_ADMIN_TOKEN: accepted as an ADMIN key when set. */
  adminToken?: string;
  lookup(keyHash: string): Promise<Principal | null>;
  /** Records that a key was used; called at most once a minute per key and never awaited by a request. */
  touch(keyId: string): Promise<void>;
  onTouchError?(error: unknown): void;
  now?: () => number;
  /** How long a successful lookup is reused while revocations are being heard (see setCaching). */
  cacheTtlMs?: number;
}

const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED = 10_000;

/**
 * Turns a bearer token into a principal. The bootstrap token is compared in constant time; API keys are looked up
 * by their SHA-256. Successful lookups are cached for a minute, but only while this process hears revocations
 * (LISTEN, see detection-feed.ts): a revoke anywhere clears the cache, so a revoked key stops working at once.
 * `lastUsedAt` is written at most once a minute per key, in the background: cheap, and precise to the minute.
 */
export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();
  private readonly touched = new Map<string, number>();
  private caching = false;
  private readonly now: () => number;
  private readonly ttl: number;

  constructor(private readonly options: AuthenticatorOptions) {
    this.now = options.now ?? Date.now;
    this.ttl = options.cacheTtlMs ?? 60_000;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (this.options.adminToken && sameSecret(token, this.options.adminToken)) return BOOTSTRAP_PRINCIPAL;
    // Every key we issue looks like this; anything else cannot match and costs no query.
    if (!/^lsk_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const hash = hashApiKey(token);
    const now = this.now();
    const hit = this.caching ? this.cache.get(hash) : undefined;
    let principal: Principal | null;
    if (hit && hit.until > now) {
      principal = hit.principal;
    } else {
      principal = await this.options.lookup(hash);
      if (principal && this.caching) {
        if (this.cache.size >= MAX_CACHED) this.cache.clear();
        this.cache.set(hash, { principal, until: now + this.ttl });
      }
    }
    if (principal) this.touch(principal.keyId, now);
    return principal;
  }

  /** On while revocations are heard; off (and emptied) when the LISTEN connection is lost. */
  setCaching(enabled: boolean): void {
    this.caching = enabled;
    if (!enabled) this.cache.clear();
  }

  /** A key was revoked somewhere: forget every cached lookup. */
  invalidate(): void {
    this.cache.clear();
  }

  private touch(keyId: string, now: number): void {
    const last = this.touched.get(keyId);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    if (this.touched.size >= MAX_CACHED) this.touched.clear();
    this.touched.set(keyId, now);
    this.options.touch(keyId).catch((error: unknown) => this.options.onTouchError?.(error));
  }
}
