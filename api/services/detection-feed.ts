import { Client, type Notification } from 'pg';
import type { PubSub } from 'type-graphql';
import {
  API_KEYS_CHANNEL,
  DETECTIONS_CHANNEL,
} from '../../schema/migrations/Migration20251202100000_api_read_side';
import type { Logger } from '../../schema/observability/logger';
import type { DetectionRecord } from './types';
import { DETECTION_ADDED } from './topics';

export interface DetectionFeedOptions {
  /** The database URL: the feed holds one connection of its own, outside the pool, for LISTEN. */
  url: string;
  pubSub: PubSub;
  logger: Logger;
  /** The detections written by the LeakDetected events between two log positions (inclusive). */
  detectionsBetween(first: string, last: string): Promise<DetectionRecord[]>;
  /** The position of the last LeakDetected event, to catch up after a lost connection. */
  lastDetectionPosition(): Promise<string | null>;
  onRevocation(): void;
  /** Told when revocations can (true) or cannot (false) be heard. */
  onListening(listening: boolean): void;
}

const RANGE = /^(\d{1,19}):(\d{1,19})$/;
const MAX_BACKOFF_MS = 30_000;
const CATCH_UP_POSITIONS = 10_000n;

/**
 * Feeds `detectionAdded` from PostgreSQL NOTIFY, so a detection appended by a worker in any process reaches the
 * subscribers of every API process. The trigger sends the log positions of each append's LeakDetected events once
 * it commits; the feed reads those detections (one query per append, whatever the number of subscribers) and
 * publishes them. A lost connection is re-opened with backoff, and what was appended meanwhile is published then.
 */
export class DetectionFeed {
  private client: Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoff = 500;
  /** The last detection position published, as a decimal string (positions are 64-bit). */
  private lastPosition: bigint | null = null;
  private queue: Promise<void> = Promise.resolve();
  private everConnected = false;

  constructor(private readonly options: DetectionFeedOptions) {}

  async start(): Promise<void> {
    const last = await this.options.lastDetectionPosition();
    this.lastPosition = last === null ? 0n : BigInt(last);
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.options.onListening(false);
    await this.queue.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => this.enqueue(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${DETECTIONS_CHANNEL}`);
      await client.query(`LISTEN ${API_KEYS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.client = client;
    this.backoff = 500;
    this.options.onListening(true);
    // Anything revoked while we were deaf is covered by the cache having been emptied when the connection was lost.
    if (reconnected) this.enqueueCatchUp();
  }

  private lost(client: Client, error: unknown): void {
    if (this.closed) return;
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    this.options.onListening(false);
    if (error)
      this.options.logger.warn({ error }, 'detection feed: the LISTEN connection was lost; reconnecting');
    if (this.retryTimer) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void client.end().catch(() => undefined);
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private enqueue(message: Notification): void {
    if (message.channel === API_KEYS_CHANNEL) {
      this.options.onRevocation();
      return;
    }
    const range = RANGE.exec(message.payload ?? '');
    if (!range) return;
    // One at a time, in order, so subscribers see detections in log order.
    this.queue = this.queue.then(() => this.publishRange(BigInt(range[1]!), BigInt(range[2]!)));
  }

  private enqueueCatchUp(): void {
    this.queue = this.queue.then(async () => {
      const last = await this.options.lastDetectionPosition();
      if (last === null || this.lastPosition === null || BigInt(last) <= this.lastPosition) return;
      // A long outage is not replayed in full: live consoles want what is new, and the list has the rest.
      const floor = BigInt(last) - CATCH_UP_POSITIONS;
      await this.publishRange(this.lastPosition + 1n > floor ? this.lastPosition + 1n : floor, BigInt(last));
    });
  }

  private async publishRange(first: bigint, last: bigint): Promise<void> {
    try {
      const from = this.lastPosition !== null && first <= this.lastPosition ? this.lastPosition + 1n : first;
      if (from > last) return;
      const detections = await this.options.detectionsBetween(String(from), String(last));
      for (const detection of detections) this.options.pubSub.publish(DETECTION_ADDED, detection);
      this.lastPosition = last;
    } catch (error) {
      this.options.logger.error({ error }, 'detection feed: could not read new detections');
    }
  }
}
