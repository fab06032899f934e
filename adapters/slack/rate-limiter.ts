// Per-workspace Slack rate limits shared by every process through Redis, sized to Slack's published tiers.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../src/core/errors.ts';

/**
 * Calls per minute per workspace. Tiers from Slack's rate-limit docs: Tier 2 ≈ 20/min, Tier 3 ≈ 50/min,
 * Tier 4 ≈ 100/min; chat.postMessage is "special" (about one a second per channel, several hundred a minute
 * per workspace), so the workspace budget is kept below what Slack tolerates.
 */
export const SLACK_TIERS: Readonly<Record<string, number>> = {
  'chat.postMessage': 600,
  'chat.update': 50,
  'conversations.open': 50,
  'conversations.history': 50,
  'users.list': 20,
  'users.info': 100,
  'views.publish': 100,
  'views.open': 100,
  'views.update': 100,
};

export interface SlackRateLimiter {
  /** Takes one call from the workspace's budget; throws RateLimitedError with the wait when it is spent. */
  take(teamId: string, method: string): Promise<void>;
  /** Waits (up to `maxWaitMs`) for a call, for replies to a person who is waiting right now. */
  wait(teamId: string, method: string, maxWaitMs?: number): Promise<void>;
}

export function createSlackRateLimiter(redis: Redis, opts: { limits?: Partial<Record<string, number>>; prefix?: string } = {}): SlackRateLimiter {
  const limits = { ...SLACK_TIERS, ...opts.limits };
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = (method: string): RateLimiterRedis | undefined => {
    const perMinute = limits[method];
    if (!perMinute) return undefined;
    let limiter = limiters.get(method);
    if (!limiter) {
      // Messages go out at an even pace (a one-second window, perMinute/60 a second): Slack limits
      // chat.postMessage by the second. The tiered methods allow short bursts within their minute.
      const perSecond = method === 'chat.postMessage';
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${opts.prefix ?? 'rounds-slack-rl'}:${method}`,
        points: perSecond ? Math.max(1, Math.floor(perMinute / 60)) : perMinute,
        duration: perSecond ? 1 : 60,
      });
      limiters.set(method, limiter);
    }
    return limiter;
  };

  const take = async (teamId: string, method: string) => {
    const limiter = limiterFor(method);
    if (!limiter) return;
    try {
      await limiter.consume(teamId);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw new RateLimitedError(Math.max(50, res.msBeforeNext));
      throw res;
    }
  };

  return {
    take,
    async wait(teamId, method, maxWaitMs = 10_000) {
      const until = Date.now() + maxWaitMs;
      for (;;) {
        try {
          await take(teamId, method);
          return;
        } catch (err) {
          if (!(err instanceof RateLimitedError) || Date.now() + err.retryAfterMs > until) throw err;
          await new Promise((r) => setTimeout(r, err.retryAfterMs));
        }
      }
    },
  };
}
