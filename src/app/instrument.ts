// Wraps the bot with metrics and a last line of defence: a failure becomes a kind sentence, never a stack trace.
import type { Bot } from '../core/bot.js';
import { textMessage } from '../core/messages/build.js';
import { catalogFor } from '../core/messages/catalog.js';
import type { Logger } from '../core/ports.js';
import type { Metrics } from './metrics.js';

export function instrumentBot(bot: Bot, platform: string, metrics: Metrics, logger: Logger): Bot {
  return {
    async home(workspaceId, memberExternalId) {
      try {
        return await bot.home(workspaceId, memberExternalId);
      } catch (err) {
        metrics.errors.inc({ where: 'home' });
        logger.error({ err, workspaceId }, 'building a home view failed');
        return [];
      }
    },
    async handle(event) {
      metrics.commands.inc({ platform, type: event.type });
      try {
        const replies = await bot.handle(event);
        metrics.replies.inc({ platform }, replies.length);
        return replies;
      } catch (err) {
        metrics.errors.inc({ where: 'handle' });
        logger.error({ err, workspaceId: event.workspaceId, eventType: event.type }, 'handling an event failed');
        return [textMessage(catalogFor('en').error.generic)];
      }
    },
  };
}
