import type { MigrationObject } from '@mikro-orm/core';
import { Migration20251128100000_event_log } from './Migration20251128100000_event_log';
import { Migration20251128100100_read_models } from './Migration20251128100100_read_models';
import { Migration20251201100000_slack_worker } from './Migration20251201100000_slack_worker';
import { Migration20251202100000_api_read_side } from './Migration20251202100000_api_read_side';
import { Migration20251203100000_append_function } from './Migration20251203100000_append_function';
import { Migration20251203110000_append_function_bulk_insert } from './Migration20251203110000_append_function_bulk_insert';
import { Migration20251204100000_append_function_seen_per_call } from './Migration20251204100000_append_function_seen_per_call';
import { Migration20251206100000_detection_counts } from './Migration20251206100000_detection_counts';
import { Migration20261206100000_detection_pattern_revision } from './Migration20261206100000_detection_pattern_revision';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const migrationsList: readonly MigrationObject[] = [
  { name: 'Migration20251128100000_event_log', class: Migration20251128100000_event_log },
  { name: 'Migration20251128100100_read_models', class: Migration20251128100100_read_models },
  { name: 'Migration20251201100000_slack_worker', class: Migration20251201100000_slack_worker },
  { name: 'Migration20251202100000_api_read_side', class: Migration20251202100000_api_read_side },
  { name: 'Migration20251203100000_append_function', class: Migration20251203100000_append_function },
  {
    name: 'Migration20251203110000_append_function_bulk_insert',
    class: Migration20251203110000_append_function_bulk_insert,
  },
  {
    name: 'Migration20251204100000_append_function_seen_per_call',
    class: Migration20251204100000_append_function_seen_per_call,
  },
  { name: 'Migration20251206100000_detection_counts', class: Migration20251206100000_detection_counts },
  {
    name: 'Migration20261206100000_detection_pattern_revision',
    class: Migration20261206100000_detection_pattern_revision,
  },
];
