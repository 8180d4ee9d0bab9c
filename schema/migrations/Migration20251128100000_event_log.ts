import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log: one append-only table of events, hash-chained (see docs/adr/ on the hash chain).
 * Every row is written by the event store under a transaction-scoped advisory lock, so `position` order is the
 * chain order.
 */
export class Migration20251128100000_event_log extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE events (
        position bigserial PRIMARY KEY,
        id uuid NOT NULL,
        stream_id text NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 512),
        stream_version integer NOT NULL CHECK (stream_version >= 1),
        type text NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
        version smallint NOT NULL CHECK (version >= 1),
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        prev_hash char(64) NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT events_id_key UNIQUE (id),
        CONSTRAINT events_stream_id_stream_version_key UNIQUE (stream_id, stream_version)
      )`);
    this.addSql('CREATE INDEX events_type_position_idx ON events (type, position)');
    this.addSql(
      `COMMENT ON TABLE events IS 'Append-only, hash-chained audit log. UPDATE, DELETE and TRUNCATE are rejected by triggers.'`,
    );

    // Statement-level triggers fire even when no row matches, so every attempt is refused, not just effective ones.
    this.addSql(`
      CREATE FUNCTION events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the events table is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation',
                HINT = 'History is corrected by appending a new event, never by editing an old one.';
      END
      $$`);
    this.addSql(`
      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change()`);
    // ALWAYS: also under session_replication_role = replica, which silences ordinary triggers.
    this.addSql('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
    this.addSql('REVOKE UPDATE, DELETE, TRUNCATE ON events FROM PUBLIC');
  }

  override down(): void {
    throw new Error('the audit log migration is not reversible: dropping it would destroy the audit trail');
  }
}
