import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Settings } from '../../schema/config/settings';
import {
  decryptContent,
  encryptContent,
  encryptedContentSchema,
  keyringFromEnv,
  type Keyring,
} from '../../schema/crypto/content-encryption';
import { inTransaction, withConnection, type PgConnection } from '../../schema/db/pg-connection';
import { SYSTEM_ACTOR } from '../../schema/events/metadata';
import type { Logger } from '../../schema/observability/logger';
import type { EventStore } from '../../schema/store/event-store';
import { uuidV5 } from '../pipeline/event-ids';
import type { SlackApi } from './slack-api';

/**
 * The token that deletes other people's messages and files: a workspace admin's user token.
 * @example const token = await adminToken.current(); … if (rejected) await adminToken.refresh('rejected');
 */
export interface AdminTokenSource {
  /** The token to use now, or undefined when none is configured. */
  current(): Promise<string | undefined>;
  /** Rotates after Slack refused `rejectedToken`; false when rotation is not configured or failed. */
  refreshAfterRejection(rejectedToken: string): Promise<boolean>;
  start(): void;
  stop(): void;
}

const CREDENTIAL = 'workspace_admin';
/** Rotate this long before the token expires (Slack's rotated user tokens live 12 hours). */
const REFRESH_AHEAD_MS = 10 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 1000;

/** A fixed token from SLACK_WORKSPACE_ACCESS_TOKEN: no rotation configured. */
export function staticAdminToken(token: string | undefined): AdminTokenSource {
  return {
    current: async () => token,
    refreshAfterRejection: async () => false,
    start: () => undefined,
    stop: () => undefined,
  };
}

const refreshAnswer = z.looseObject({
  access_token: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
  team: z.looseObject({ id: z.string() }).optional(),
  authed_user: z
    .looseObject({
      access_token: z.string().optional(),
      refresh_token: z.string().optional(),
      expires_in: z.number().optional(),
    })
    .optional(),
});

interface StoredCredential {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  generation: number;
}

export interface RotatingAdminTokenDeps {
  settings: Settings;
  orm: MikroORM;
  store: EventStore;
  slack: SlackApi;
  logger: Logger;
  now?: () => Date;
}

/**
 * User-token rotation for the admin token: when SLACK_WORKSPACE_REFRESH_TOKEN and the app's client id and secret are
 * set, the token is refreshed (oauth.v2.access, grant_type=refresh_token) ahead of its expiry and when Slack
 * refuses it. The new access and refresh tokens are sealed with LEAKSHIELD_ENCRYPTION_KEY in `slack_credentials`,
 * so every worker and every restart uses the latest pair, and each rotation is a SlackTokenRotated event.
 * A transaction-scoped row lock makes concurrent workers rotate once: the others find the fresh token.
 */
export class RotatingAdminToken implements AdminTokenSource {
  private cached: StoredCredential | null = null;
  private inFlight: Promise<StoredCredential | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly keyring: Keyring;
  private readonly now: () => Date;

  constructor(private readonly deps: RotatingAdminTokenDeps) {
    const keyring = keyringFromEnv({
      LEAKSHIELD_ENCRYPTION_KEY: deps.settings.LEAKSHIELD_ENCRYPTION_KEY,
      LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: process.env.LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS,
    });
    if (!keyring)
      throw new Error('LEAKSHIELD_ENCRYPTION_KEY is required to store rotated Slack tokens encrypted');
    this.keyring = keyring;
    this.now = deps.now ?? (() => new Date());
  }

  async current(): Promise<string | undefined> {
    const credential = await this.fresh();
    return credential?.accessToken ?? this.deps.settings.SLACK_WORKSPACE_ACCESS_TOKEN;
  }

  async refreshAfterRejection(rejectedToken: string): Promise<boolean> {
    const rotated = await this.single(() => this.rotate('rejected', rejectedToken));
    return rotated !== null && rotated.accessToken !== rejectedToken;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.fresh().catch((error: unknown) =>
        this.deps.logger.warn({ error }, 'scheduled admin token rotation failed; will try again'),
      );
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The stored credential, rotated first when it is missing or close to expiry. */
  private async fresh(): Promise<StoredCredential | null> {
    if (this.cached && !this.dueSoon(this.cached)) return this.cached;
    return this.single(() => this.rotate(this.cached ? 'scheduled' : 'initial', null));
  }

  private single(work: () => Promise<StoredCredential | null>): Promise<StoredCredential | null> {
    this.inFlight ??= work().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private dueSoon(credential: StoredCredential): boolean {
    return credential.expiresAt.getTime() - this.now().getTime() < REFRESH_AHEAD_MS;
  }

  /**
   * Under the row lock: reuse what another worker stored if it is still good (and is not the token Slack just
   * refused), else call Slack and store the new pair.
   */
  private async rotate(
    reason: 'scheduled' | 'rejected' | 'initial',
    rejectedToken: string | null,
  ): Promise<StoredCredential | null> {
    const { settings } = this.deps;
    const rotated = await withConnection(this.deps.orm, (connection) =>
      inTransaction(connection, async (tx) => {
        await tx.query(
          `INSERT INTO slack_credentials (name, access_token, refresh_token, expires_at, generation)
           VALUES ($1, 'null', 'null', 'epoch', 0) ON CONFLICT (name) DO NOTHING`,
          [CREDENTIAL],
        );
        const stored = await this.load(tx);
        if (stored && !this.dueSoon(stored) && stored.accessToken !== rejectedToken) {
          return { credential: stored, appended: false };
        }
        const refreshToken = stored?.refreshToken ?? settings.SLACK_WORKSPACE_REFRESH_TOKEN;
        if (!refreshToken) return { credential: stored, appended: false };
        const answer = await this.deps.slack.call<Record<string, unknown>>(
          'oauth.v2.access',
          {
            client_id: settings.SLACK_CLIENT_ID,
            client_secret: settings.SLACK_CLIENT_SECRET,
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
          },
          undefined,
        );
        if (!answer.ok) {
          this.deps.logger.error({ code: answer.code }, 'Slack refused to rotate the admin token');
          return { credential: stored, appended: false };
        }
        const parsed = refreshAnswer.safeParse(answer);
        const fields = parsed.success ? parsed.data : {};
        const user = 'authed_user' in fields ? fields.authed_user : undefined;
        const accessToken =
          user?.access_token ?? ('access_token' in fields ? fields.access_token : undefined);
        const nextRefresh =
          user?.refresh_token ?? ('refresh_token' in fields ? fields.refresh_token : undefined);
        const expiresIn =
          user?.expires_in ?? ('expires_in' in fields ? fields.expires_in : undefined) ?? 43_200;
        if (!accessToken || !nextRefresh) {
          this.deps.logger.error('the token rotation answer had no access or refresh token');
          return { credential: stored, appended: false };
        }
        const credential: StoredCredential = {
          accessToken,
          refreshToken: nextRefresh,
          expiresAt: new Date(this.now().getTime() + expiresIn * 1_000),
          generation: (stored?.generation ?? 0) + 1,
        };
        const teamId = 'team' in fields ? fields.team?.id : undefined;
        await this.save(tx, credential, teamId);
        return { credential, appended: true, teamId };
      }),
    );
    const { credential } = rotated;
    if (rotated.appended && credential) {
      await this.deps.store.append(
        `slack-credential:${CREDENTIAL}`,
        'any',
        [
          {
            id: uuidV5(`slack-credential:${CREDENTIAL}:${credential.generation}`),
            type: 'SlackTokenRotated',
            data: {
              credential: CREDENTIAL,
              generation: credential.generation,
              expiresAt: credential.expiresAt.toISOString(),
              reason,
              ...('teamId' in rotated && rotated.teamId ? { teamId: rotated.teamId } : {}),
            },
          },
        ],
        { actor: SYSTEM_ACTOR, correlationId: `slack-credential:${CREDENTIAL}` },
      );
      this.deps.logger.info(
        { generation: credential.generation, expiresAt: credential.expiresAt.toISOString(), reason },
        'Slack admin token rotated',
      );
    }
    this.cached = credential;
    return credential;
  }

  private async load(tx: PgConnection): Promise<StoredCredential | null> {
    const { rows } = await tx.query<{
      access_token: unknown;
      refresh_token: unknown;
      expires_at: Date;
      generation: number;
    }>(
      'SELECT access_token, refresh_token, expires_at, generation FROM slack_credentials WHERE name = $1 FOR UPDATE',
      [CREDENTIAL],
    );
    const row = rows[0];
    if (!row || row.generation === 0) return null;
    const access = encryptedContentSchema.parse(row.access_token);
    const refresh = encryptedContentSchema.parse(row.refresh_token);
    return {
      accessToken: decryptContent(access, this.keyring, `slack-credential:${CREDENTIAL}:access`),
      refreshToken: decryptContent(refresh, this.keyring, `slack-credential:${CREDENTIAL}:refresh`),
      expiresAt: new Date(row.expires_at),
      generation: row.generation,
    };
  }

  private async save(
    tx: PgConnection,
    credential: StoredCredential,
    teamId: string | undefined,
  ): Promise<void> {
    await tx.query(
      `UPDATE slack_credentials SET access_token = $2, refresh_token = $3, expires_at = $4, generation = $5,
         team_id = coalesce($6, team_id), updated_at = now() WHERE name = $1`,
      [
        CREDENTIAL,
        JSON.stringify(
          encryptContent(credential.accessToken, this.keyring, `slack-credential:${CREDENTIAL}:access`),
        ),
        JSON.stringify(
          encryptContent(credential.refreshToken, this.keyring, `slack-credential:${CREDENTIAL}:refresh`),
        ),
        credential.expiresAt.toISOString(),
        credential.generation,
        teamId ?? null,
      ],
    );
  }
}

/** Rotation when it is configured, else the fixed token (or none). */
export function adminTokenSource(deps: RotatingAdminTokenDeps): AdminTokenSource {
  const { settings } = deps;
  const rotating =
    settings.SLACK_WORKSPACE_REFRESH_TOKEN !== undefined &&
    settings.SLACK_CLIENT_ID !== undefined &&
    settings.SLACK_CLIENT_SECRET !== undefined &&
    settings.LEAKSHIELD_ENCRYPTION_KEY !== undefined;
  return rotating ? new RotatingAdminToken(deps) : staticAdminToken(settings.SLACK_WORKSPACE_ACCESS_TOKEN);
}
