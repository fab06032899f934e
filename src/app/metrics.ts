// Prometheus metrics of the process: default process metrics plus what Rounds did.
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { StatusFigures } from '../core/status.ts';

export interface Metrics {
  registry: Registry;
  commands: Counter<'platform' | 'type'>;
  replies: Counter<'platform'>;
  errors: Counter<'where'>;
  deliveries: Counter<'outcome' | 'kind'>;
  /** Sets the `status` gauges from the latest figures (done on each scrape). */
  setStatus(figures: StatusFigures): void;
}

/** The delivery worker's hooks that count `rounds_deliveries_total`: sent and failed deliveries alike, labelled by kind. */
export function deliveryCounters(metrics: Pick<Metrics, 'deliveries'>): { onSent: (kind: string) => void; onFailed: (kind: string) => void } {
  return {
    onSent: (kind) => metrics.deliveries.inc({ outcome: 'sent', kind }),
    onFailed: (kind) => metrics.deliveries.inc({ outcome: 'failed', kind }),
  };
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const platformUp = gauge('rounds_platform_connected', 'Chat platforms this process is connected to (1 each)', ['platform']);
  const lastTick = gauge('rounds_scheduler_last_tick_seconds', 'Seconds since the scheduler last ticked (-1: never)');
  const pending = gauge('rounds_deliveries_pending', 'Deliveries waiting to be sent');
  const failed = gauge('rounds_deliveries_failed_7d', 'Deliveries that failed for good in the last 7 days');
  const unreachable = gauge('rounds_members_unreachable', 'Active members Rounds cannot reach (opted out, snoozed, or a failed delivery)');
  return {
    setStatus(figures) {
      platformUp.reset();
      for (const platform of figures.platforms) platformUp.set({ platform }, 1);
      lastTick.set(figures.lastTickSecondsAgo ?? -1);
      pending.set(figures.deliveriesPending);
      failed.set(figures.deliveriesFailed7d);
      unreachable.set(figures.unreachable.length);
    },
    registry,
    commands: new Counter({
      name: 'rounds_commands_handled_total',
      help: 'Commands, messages, button presses and form submissions handled, by platform and event type',
      labelNames: ['platform', 'type'],
      registers: [registry],
    }),
    replies: new Counter({
      name: 'rounds_replies_sent_total',
      help: 'Direct replies sent back to members',
      labelNames: ['platform'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'rounds_errors_total',
      help: 'Errors caught while handling events or running jobs',
      labelNames: ['where'],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'rounds_deliveries_total',
      help: 'Touchpoint deliveries by outcome (sent, failed)',
      labelNames: ['outcome', 'kind'],
      registers: [registry],
    }),
  };
}
