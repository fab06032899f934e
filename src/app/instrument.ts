// Wraps the bot with metrics and a last line of defence: a failure becomes a kind sentence, never a stack trace.
import type { Bot } from '../core/bot.ts';
import { textMessage } from '../core/messages/build.ts';
import { catalogFor } from '../core/messages/catalog.ts';
import type { Logger } from '../core/infrastructure.ts';
import type { Metrics } from './metrics.ts';

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
