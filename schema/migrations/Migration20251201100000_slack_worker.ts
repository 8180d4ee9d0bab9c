import { Migration } from '@mikro-orm/migrations';

/**
 * The worker's own bookkeeping, outside the audit log:
 * - `slack_effects`: one row per Slack side effect (delete, notice, private note, repost, alert) claimed before it
 *   is performed and closed after, so a redelivered task or a second worker never performs it twice;
 * - `slack_credentials`: the rotated workspace admin token and its refresh token, AES-256-GCM sealed.
 * Neither holds message content.
 */
export class Migration20251201100000_slack_worker extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE slack_effects (
        id uuid PRIMARY KEY,
        work_key text NOT NULL,
        effect text NOT NULL,
        state text NOT NULL CHECK (state IN ('started', 'retry', 'done')),
        outcome jsonb,
        attempts integer NOT NULL DEFAULT 1,
        lease_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql('CREATE INDEX ON slack_effects (created_at)');
    this.addSql(`
      CREATE TABLE slack_credentials (
        name text PRIMARY KEY,
        access_token jsonb NOT NULL,
        refresh_token jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        generation integer NOT NULL,
        team_id text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  override down(): void {
    this.addSql('DROP TABLE IF EXISTS slack_credentials');
    this.addSql('DROP TABLE IF EXISTS slack_effects');
  }
}
