import { Migration } from '@mikro-orm/migrations';

/** The severity order the API sorts by; the same expression appears in the index below and in the query. */
export const SEVERITY_RANK_SQL =
  "(CASE severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'CRITICAL' THEN 4 ELSE 0 END)";

/** How an event's actor is written in the API (`api_key:<id>`); indexed so the audit log filters by it quickly. */
export const ACTOR_SQL = "((metadata->'actor'->>'type') || ':' || (metadata->'actor'->>'id'))";

/** What API processes LISTEN on: new detections (payload `first:last` log positions), and key revocations. */
export const DETECTIONS_CHANNEL = 'leakshield_detections';
export const API_KEYS_CHANNEL = 'leakshield_api_keys';

/**
 * What the GraphQL API reads beyond the first read models:
 * - `api_keys` (a projection of ApiKeyCreated/ApiKeyRevoked) and `api_key_credentials` (the SHA-256 of each
 *   key). Credentials are kept out of the audit log on purpose: auditors and integrators read the log in full, and
 *   a key's hash has no business there. A credential row without its ApiKeyCreated event authenticates nobody
 *   (authentication joins the projection), so writing the credential first and the event second is safe.
 * - `hourly_stats`: counters per UTC hour and team, with detections split by the action their policy asked for,
 *   so `stats(bucket: HOUR|DAY)` reads a few hundred rows instead of counting events.
 * - Keyset indexes for the detections list (each ends in `finding_id`, the tie-breaker of every order), and
 *   audit-log indexes for the actor and time filters.
 * - A statement-level trigger that NOTIFYs the position range of the LeakDetected events an append wrote, so API
 *   processes can push `detectionAdded` whichever process appended (one NOTIFY per append, not per row), and
 *   that tells them when a key was revoked, so they can cache authentication safely.
 * Indexes are unnamed like the first read models', so a projection rebuild's copies get the same names.
 */
export class Migration20251202100000_api_read_side extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE api_keys (
        api_key_id uuid PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL,
        key_prefix text NOT NULL,
        scopes jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        revoke_reason text,
        last_position bigint NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE api_key_credentials (
        api_key_id uuid PRIMARY KEY,
        key_hash char(64) NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);

    this.addSql(`
      CREATE TABLE hourly_stats (
        hour timestamptz NOT NULL,
        team_id text NOT NULL,
        messages_scanned integer NOT NULL DEFAULT 0,
        files_scanned integer NOT NULL DEFAULT 0,
        detections integer NOT NULL DEFAULT 0,
        detections_log integer NOT NULL DEFAULT 0,
        detections_alert integer NOT NULL DEFAULT 0,
        detections_redact integer NOT NULL DEFAULT 0,
        detections_block integer NOT NULL DEFAULT 0,
        blocked integer NOT NULL DEFAULT 0,
        redacted integer NOT NULL DEFAULT 0,
        alerts integer NOT NULL DEFAULT 0,
        action_failures integer NOT NULL DEFAULT 0,
        scan_failures integer NOT NULL DEFAULT 0,
        PRIMARY KEY (hour, team_id)
      )`);

    this.addSql('CREATE INDEX ON detections (detected_at, finding_id)');
    this.addSql('CREATE INDEX ON detections (channel_id, detected_at, finding_id)');
    this.addSql('CREATE INDEX ON detections (user_id, detected_at, finding_id)');
    this.addSql(`CREATE INDEX ON detections (${SEVERITY_RANK_SQL}, detected_at, finding_id)`);

    this.addSql(`CREATE INDEX ON events (${ACTOR_SQL}, position)`);
    this.addSql('CREATE INDEX ON events (occurred_at)');

    this.addSql(`
      CREATE FUNCTION events_notify_api() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        first_detection bigint;
        last_detection bigint;
        revoked boolean;
      BEGIN
        SELECT min(position) FILTER (WHERE type = 'LeakDetected'),
               max(position) FILTER (WHERE type = 'LeakDetected'),
               coalesce(bool_or(type = 'ApiKeyRevoked'), false)
          INTO first_detection, last_detection, revoked
          FROM inserted;
        IF first_detection IS NOT NULL THEN
          PERFORM pg_notify('${DETECTIONS_CHANNEL}', first_detection || ':' || last_detection);
        END IF;
        IF revoked THEN
          PERFORM pg_notify('${API_KEYS_CHANNEL}', 'revoked');
        END IF;
        RETURN NULL;
      END
      $$`);
    this.addSql(`
      CREATE TRIGGER events_notify_api
        AFTER INSERT ON events REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION events_notify_api()`);
  }

  override down(): void {
    this.addSql('DROP TRIGGER IF EXISTS events_notify_api ON events');
    this.addSql('DROP FUNCTION IF EXISTS events_notify_api()');
    this.addSql('DROP TABLE IF EXISTS hourly_stats, api_key_credentials, api_keys');
  }
}
