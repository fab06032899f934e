// Prometheus metrics of the process: default process metrics plus what Rounds did.
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  commands: Counter<'platform' | 'type'>;
  replies: Counter<'platform'>;
  errors: Counter<'where'>;
  deliveries: Counter<'outcome' | 'kind'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
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
