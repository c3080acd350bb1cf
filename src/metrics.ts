/**
 * GET /metrics: the delivery backlog in Prometheus' text format, so a deployment can
 * see (and alert on) what the channels have not been shown yet.
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 */
import type { Route } from './runtime/server';
import { sendText } from './runtime/server';
import type { DeliveryStore } from './store/delivery-model';

export function formatMetrics(backlog: { pending: number; oldestDueAt?: number }, now: number): string {
  const overdue = backlog.oldestDueAt === undefined ? 0 : Math.max(0, (now - backlog.oldestDueAt) / 1000);
  return [
    '# HELP exchange_sp_delivery_pending Rollouts whose channel has not been shown everything yet.',
    '# TYPE exchange_sp_delivery_pending gauge',
    `exchange_sp_delivery_pending ${backlog.pending}`,
    '# HELP exchange_sp_delivery_oldest_seconds How long the oldest pending delivery has been due (0 when none is late).',
    '# TYPE exchange_sp_delivery_oldest_seconds gauge',
    `exchange_sp_delivery_oldest_seconds ${overdue.toFixed(3)}`,
    '',
  ].join('\n');
}

export function metricsRoute(store: Pick<DeliveryStore, 'deliveryBacklog'>): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handler: async (_req, res) => {
      try {
        const text = formatMetrics(await store.deliveryBacklog(), Date.now());
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(text);
      } catch {
        sendText(res, 503, 'store unavailable');
      }
    },
  };
}
