// The one HTTP server: health, readiness, metrics, and the routers adapters mount (Slack, Teams, local).
import { createServer, type Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../core/infrastructure.ts';
import type { StatusFigures } from '../core/status.ts';
import type { Metrics } from './metrics.ts';

export interface Readiness {
  /** Each check answers 'ok' or throws; the probe names what is down. */
  checks: Record<string, () => Promise<void>>;
  ready: () => boolean;
}

export function createHttpApp(deps: { metrics: Metrics; readiness: Readiness; logger: Logger; status?: () => Promise<StatusFigures> }): Express {
  const app = express();
  app.disable('x-powered-by');
  // No global body parser: Slack's signature check needs the raw body, so each router parses its own.

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(deps.readiness.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2_000);
          results[name] = 'ok';
        } catch {
          results[name] = 'down';
        }
      }),
    );
    if (!deps.readiness.ready()) results.migrations = 'pending';
    const ok = deps.readiness.ready() && Object.values(results).every((v) => v === 'ok');
    // `?detail=1`: the figures admins see in `status` besides the checks; they never change the status code.
    const wanted = req.query.detail !== undefined && req.query.detail !== '0';
    const detail = wanted && ok && deps.status ? await withTimeout(deps.status(), 2_000).catch(() => undefined) : undefined;
    res.status(ok ? 200 : 503).json(detail ? { ...results, detail } : results);
  });

  app.get('/metrics', async (_req, res) => {
    if (deps.status) {
      const figures = await withTimeout(deps.status(), 2_000).catch((err: unknown) => {
        deps.logger.warn({ err }, 'status figures for /metrics failed');
        return undefined;
      });
      if (figures) deps.metrics.setStatus(figures);
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  return app;
}

/** The last handlers: unknown routes get 404, unexpected errors 500 with no details. */
export function finishHttpApp(app: Express, deps: { metrics: Metrics; logger: Logger }): void {
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    deps.metrics.errors.inc({ where: 'http' });
    deps.logger.error({ err, method: req.method, path: req.path }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internal error' });
  });
}

/** Listens on `host` (every interface when unset). */
export async function listen(app: Express, port: number, host?: string): Promise<Server> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
