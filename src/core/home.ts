// The member's home view (Slack App Home, a Teams tab later): what Rounds knows for them now, from the
// sections the features declare (src/core/feature.ts, `HomeSection`).
import { type HandlerContext, isManager } from './context.ts';
import type { HomeSection } from './feature.ts';
import { context, divider, header, message, section } from './messages/build.ts';
import type { Block, Field, Message } from './messages/model.ts';

type Placed<P extends HomeSection['place']> = Extract<HomeSection, { place: P }>;

function placed<P extends HomeSection['place']>(sections: readonly HomeSection[], place: P): Placed<P>[] {
  return sections.filter((s): s is Placed<P> => s.place === place);
}

/** `sections` in rank order (as the feature set keeps them). */
export async function buildHome(ctx: HandlerContext, sections: readonly HomeSection[]): Promise<Message[]> {
  const { t, member } = ctx;
  const today = ctx.now.setZone(member.timeZone).toISODate() ?? '';
  const manager = isManager(member);
  const [own, figures] = await Promise.all([
    Promise.all(placed(sections, 'member').map((s) => s.blocks(ctx, today))),
    manager ? Promise.all(placed(sections, 'manager').map((s) => s.fields(ctx))) : Promise.resolve([] as Field[][]),
  ]);

  const blocks: Block[] = [header(t.home.title(member.displayName)), section(t.home.intro)];
  for (const s of placed(sections, 'status')) {
    const line = s.line(ctx, today);
    if (line) blocks.push(context(line));
  }
  blocks.push(divider(), ...own.flat());
  if (manager) blocks.push(divider(), section(`**${t.home.managerHeading}**`, figures.flat()));
  blocks.push(context(t.home.helpHint));
  return [message(blocks)];
}
