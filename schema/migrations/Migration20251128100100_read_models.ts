import { Migration } from '@mikro-orm/migrations';

/**
 * The read models projected from the audit log. Indexes are left unnamed on purpose: PostgreSQL then derives
 * their names from the table and columns, and a rebuild's fresh copies (CREATE TABLE … LIKE … INCLUDING ALL in
 * another schema) get the very same names when they are swapped in.
 */
export class Migration20251128100100_read_models extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE patterns (
        pattern_id text PRIMARY KEY,
        name text NOT NULL,
        severity text NOT NULL,
        action text NOT NULL,
        enabled boolean NOT NULL,
        builtin boolean NOT NULL DEFAULT false,
        definition jsonb NOT NULL,
        revision integer NOT NULL,
        stream_version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        last_position bigint NOT NULL
      )`);
    this.addSql('CREATE INDEX ON patterns (last_position)');

    this.addSql(`
      CREATE TABLE detections (
        finding_id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('MESSAGE', 'FILE')),
        team_id text NOT NULL,
        channel_id text,
        user_id text,
        message_ts text,
        thread_ts text,
        file_id text,
        file_name text,
        pattern_id text NOT NULL,
        pattern_name text NOT NULL,
        severity text NOT NULL,
        policy_action text NOT NULL,
        confidence double precision NOT NULL,
        masked_match text NOT NULL,
        redacted_content text,
        has_raw_content boolean NOT NULL DEFAULT false,
        action_taken text CHECK (action_taken IN ('LOGGED', 'ALERTED', 'REDACTED', 'BLOCKED')),
        status text NOT NULL CHECK (status IN ('OPEN', 'ACTIONED', 'ACTION_FAILED')),
        last_error text,
        reveal_count integer NOT NULL DEFAULT 0,
        detected_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        stream_id text NOT NULL,
        last_position bigint NOT NULL
      )`);
    this.addSql('CREATE INDEX ON detections (detected_at DESC, finding_id)');
    this.addSql('CREATE INDEX ON detections (team_id, channel_id, detected_at DESC)');
    this.addSql('CREATE INDEX ON detections (pattern_id, detected_at DESC)');
    this.addSql('CREATE INDEX ON detections (status, detected_at DESC)');
    this.addSql('CREATE INDEX ON detections (team_id, channel_id, message_ts)');

    this.addSql(`
      CREATE TABLE monitored_channels (
        team_id text NOT NULL,
        channel_id text NOT NULL,
        channel_name text,
        monitored boolean NOT NULL,
        reason text,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL,
        last_position bigint NOT NULL,
        PRIMARY KEY (team_id, channel_id)
      )`);

    this.addSql(`
      CREATE TABLE daily_stats (
        day date NOT NULL,
        team_id text NOT NULL,
        messages_scanned integer NOT NULL DEFAULT 0,
        files_scanned integer NOT NULL DEFAULT 0,
        detections integer NOT NULL DEFAULT 0,
        blocked integer NOT NULL DEFAULT 0,
        redacted integer NOT NULL DEFAULT 0,
        alerts integer NOT NULL DEFAULT 0,
        action_failures integer NOT NULL DEFAULT 0,
        scan_failures integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, team_id)
      )`);
  }

  override down(): void {
    // Read models hold nothing the log does not: dropping them loses no data (a rebuild makes them again).
    this.addSql('DROP TABLE IF EXISTS daily_stats, monitored_channels, detections, patterns');
  }
}
