import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics of one process, served at `/metrics`. Labels never carry content or user ids: only
 * pattern ids, actions, Slack method names and error codes, so cardinality stays bounded.
 * @example metrics.detections.inc({ pattern: 'github-pat-classic', action: 'BLOCK' });
 */
export class Metrics {
  readonly registry = new Registry();
  readonly slackEvents = new Counter({
    name: 'leakshield_slack_events_received_total',
    help: 'Slack events received by the ingress, by event type and what became of them.',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly scans = new Counter({
    name: 'leakshield_scans_total',
    help: 'Messages and files scanned, by source and result.',
    labelNames: ['source', 'result'] as const,
    registers: [this.registry],
  });
  readonly detections = new Counter({
    name: 'leakshield_detections_total',
    help: 'Findings recorded, by pattern and policy action.',
    labelNames: ['pattern', 'action'] as const,
    registers: [this.registry],
  });
  readonly scanDuration = new Histogram({
    name: 'leakshield_scan_duration_seconds',
    help: 'Time from a task being picked up to its events being recorded.',
    labelNames: ['source'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly actions = new Counter({
    name: 'leakshield_actions_total',
    help: 'Actions taken in Slack, by action and outcome.',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly slackApiErrors = new Counter({
    name: 'leakshield_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by method and Slack error code.',
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });
  readonly auditAppends = new Counter({
    name: 'leakshield_audit_events_appended_total',
    help: 'Events appended to the audit log, by type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'leakshield_queue_messages',
    help: 'Messages in the scan queue, by state (visible, in flight, delayed) and queue (scan, dead-letter).',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  readonly queueOldestAge = new Gauge({
    name: 'leakshield_queue_oldest_task_age_seconds',
    help: 'Age of the oldest task this process picked up in the last scrape interval.',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'leakshield_' });
  }

  /** Runs before each scrape, to refresh gauges that are read from elsewhere (queue attributes). */
  private readonly collectors: (() => Promise<void>)[] = [];
  onScrape(collect: () => Promise<void>): void {
    this.collectors.push(collect);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    await Promise.allSettled(this.collectors.map((c) => c()));
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
