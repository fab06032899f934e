// Plain sentences people send the bot in a DM ("who can cover me friday?") mapped onto the grammar's commands.
import type { SkillLevel } from '../model.ts';
import { readSpan } from './dates.ts';
import { badArgs, coverArgs, mentorTopic, ok, outArgs, snoozeArgs, tasksWithLevel, type Sentence } from './grammar.ts';
import { hasMention } from './mentions.ts';
import type { ParseContext, ParseResult } from './types.ts';

/** A phrase's reading; undefined lets the next phrase try. */
type Reader = (m: RegExpExecArray, sentence: Sentence, ctx: ParseContext) => ParseResult | undefined;

const HELP =
  /^(?:help|help me|help please|hi there|hello there|hey there|good (?:morning|afternoon|evening)|what can you do|what else can you do|what do you do|what can i (?:do|say|ask|type)|what should i (?:say|type)|how does (?:this|it|rounds) work|how do i (?:use )?(?:this|rounds|you|it)|how do you work|what are (?:the|your) (?:commands|options)|what (?:are|is) (?:this|rounds)|who are you|(?:show )?(?:me )?(?:the )?(?:commands|help|options|menu)|get started|start|instructions|usage|huh|i'?m (?:lost|confused)|\?+)$/i;

/** Whether a sentence only asks what the bot can do. */
export function isHelpPhrase(text: string): boolean {
  return HELP.test(text);
}

const SUBJECT = String.raw`(?:i'?m|im|i am|i will be|i'?ll be|ill be|i(?:'m| am) going to be|i'?m gonna be|gonna be|will be|i'?d be|i was|i'?ll|i will|i'?m gonna|i am gonna|i'?m going to|i am going to)`;
const AWAY = String.raw`(?:out|off|away|ooo|oof|out of (?:the )?office|out of town|(?:on|going on|having|on a|going on a) (?:vacation|vacay|holidays?|leave|pto|a trip|trip|maternity leave|paternity leave|medical leave|sick leave|family leave|jury duty|a break|break|honeymoon)|(?:be )?taking (?:pto|time off|a day off|the day off|off|some time off|a few days off|days off|leave|vacation|a personal day|a sick day)|(?:out )?sick|home sick|calling (?:in )?sick|at a conference|at (?:a )?training|traveling|travelling|not (?:in|working|available|here|around|coming in)|unavailable)`;
const OFF_WORDS =
  /\b(?:(?:a|the|some|my|few|a few|a couple of|\d+) )*(?:pto|time[\s-]off|days? off|vacation(?: days?)?|leave|personal days?|sick days?|holidays?|off)\b/i;

function cover(tail: string, head: string, ctx: ParseContext): ParseResult {
  const result = coverArgs(tail, ctx);
  if (!result.ok || result.command.name !== 'cover' || result.command.span) return result;
  // "I'm out friday, who can cover me?": the dates came before the question.
  const early = readSpan(head, ctx);
  if (!early.ok) return result;
  const withDates = coverArgs(`${head} ${tail}`, ctx);
  return withDates.ok ? withDates : result;
}

function skillsAdd(text: string, level: SkillLevel, ctx: ParseContext): ParseResult | undefined {
  // "I can cover friday" offers a shift, "I can cover for Ana" a favour: not skills.
  if (/^for\b/i.test(text) || readSpan(text, ctx).ok || hasMention(text)) return undefined;
  const found = tasksWithLevel(text.replace(/\s+(?:too|as well|now|also)$/i, ''), level);
  return found.tasks.length > 0 ? ok({ name: 'skills_add', tasks: found.tasks, level: found.level }) : undefined;
}

function skillsRemove(text: string, ctx: ParseContext): ParseResult | undefined {
  if (/^for\b/i.test(text) || readSpan(text, ctx).ok || hasMention(text)) return undefined;
  const tasks = tasksWithLevel(text).tasks;
  return tasks.length > 0 ? ok({ name: 'skills_remove', tasks }) : undefined;
}

/** Phrases in the order they are tried: specific ones before the broad "cover" and "out" ones. */
const PHRASES: Array<[RegExp, Reader]> = [
  [HELP, () => ok({ name: 'help' })],

  // check-ins
  [
    /^(?:(?:do|start|open|answer|fill out|fill in|complete|take|show(?: me)?|send(?: me)?)\s+)?(?:my |the |a |this week'?s |weekly |today'?s )*check[\s-]?ins?(?: now| form| please)?$|^(?:i (?:want|would like|'d like|need) to|let'?s|can i|time to|i'?ll) check[\s-]?in(?: now)?$/i,
    () => ok({ name: 'checkin' }),
  ],

  // snooze, opt out, opt in
  [
    /^(?:resume|unpause|unsnooze|unmute|restart|turn (?:rounds |messages |it |notifications )?back on|start (?:messaging|sending|texting) me again|i'?m back|im back|i am back|you can message me again)(?:\s+(?:rounds|messages|notifications|check-?ins|me|now))?$/i,
    () => ok({ name: 'snooze_off' }),
  ],
  [
    /^(?:pause|snooze|mute|silence|hold|quiet|stop|don'?t (?:message|bother|ping|contact|text|dm|nudge|remind) me|do not (?:message|bother|ping|contact|text|dm) me|leave me alone|no (?:more )?messages|hold (?:off|my messages)|give me a break|take a break|stop (?:messaging|texting|pinging|bugging|nudging|sending)(?: me)?)(?:\s+(?:rounds|me|messages|notifications|it|everything|all messages|check-?ins|messaging me|sending me (?:messages|stuff)|bothering me|pinging me|texting me|(?:the )?reminders|please))*\s+((?:until|till|til|through|thru|for|to|up until|from now until)\s+.+)$/i,
    (m, _s, ctx) => snoozeArgs(m[1] ?? '', ctx),
  ],
  [
    /^(?:stop|stop (?:messaging|texting|pinging|bugging|sending|contacting) me(?: messages)?|stop (?:all )?(?:the |these )?(?:messages|notifications|reminders)|no more (?:messages|notifications|reminders)|leave me alone|unsubscribe(?: me)?|opt me out|take me off(?: (?:the )?(?:list|program))?|remove me(?: from (?:rounds|the program|mentoring))?|i (?:want|would like|'d like) to (?:opt out|leave|unsubscribe|quit|stop)(?: (?:rounds|the program|mentoring))?|don'?t (?:message|contact|text) me(?: any ?more| again)?|do not (?:message|contact) me(?: any ?more| again)?|i'?m (?:done|out of (?:the program|rounds|mentoring))|count me out)$/i,
    () => ok({ name: 'optout' }),
  ],
  [
    /^(?:opt me (?:back )?in|sign me (?:back )?up|subscribe(?: me)?|join|rejoin|count me (?:back )?in|i (?:want|would like|'d like) to (?:opt (?:back )?in|join|rejoin|sign up|participate|take part|be (?:in|part of) (?:rounds|the program|mentoring))|add me(?: back)?(?: to (?:rounds|the program|mentoring))?|i'?m in)$/i,
    () => ok({ name: 'optin' }),
  ],

  // mentoring
  [
    /^(?:who(?:'s| is| are)? my (?:mentors?|mentees?|buddy|onboarding buddy|pairs?|match(?:es)?)|(?:(?:show|see|view|list|check)(?: me)? )?my (?:mentors?|mentees?|pairs?|pairings|mentoring(?: pairs)?|buddy|matches)|who am i (?:paired|matched|mentoring)(?: with)?|am i (?:paired|matched) with (?:anyone|anybody|someone)|do i have an? (?:mentor|mentee|buddy)|who do i mentor)$/i,
    () => ok({ name: 'mentor_show' }),
  ],
  [
    /^(?:(?:i (?:want|would like|'d like)|can i) (?:to )?(?:be|become) an? (?:mentor|coach)|i (?:can|could) (?:mentor|teach) (?:someone|somebody|others|people)|(?:edit|update|set) what i (?:can teach|teach|want to learn))\b.*$/i,
    () => ok({ name: 'profile' }),
  ],
  [
    /^(?:i'?d (?:like|love)|i would (?:like|love)|i want|i wanna|i need|i'?m looking for|i am looking for|looking for|i'?m interested in|i am interested in|interested in|can i (?:get|have|request|be assigned)|could i (?:get|have|request)|may i (?:have|get)|(?:please )?(?:get|find|assign) me|request|requesting|match me with|pair me with|pair me up with|set me up with|hook me up with|i'?d like to (?:get|have|request|find)|i want to (?:get|have|request|find)|is there)\s+(?:a |an |to get a |to have a |some |another |someone as a )?(?:new |different |good )?(?:mentor|mentorship|mentoring|coach)\b(.*)$/i,
    (m, s) => {
      const topic = mentorTopic(m[1] ?? '', s.mentions);
      return ok(topic ? { name: 'mentor_request', topic } : { name: 'mentor_request' });
    },
  ],
  [
    /^(?:i (?:want|would like|'d like|wanna|need) to (?:learn(?: (?:more )?about| how to do| how to)?|get better at|improve (?:at|my)|be trained (?:on|in)|get trained (?:on|in)|be cross[\s-]?trained (?:on|in))|teach me(?: how to do| how to| about)?|help me learn|i'?m interested in learning|can someone teach me(?: how to do| how to| about)?)\s+(.+)$/i,
    (m, s) => {
      const topic = mentorTopic(m[1] ?? '', s.mentions);
      return ok(topic ? { name: 'mentor_request', topic } : { name: 'mentor_request' });
    },
  ],

  // skills
  [
    /^(?:(?:show|list|see|view|check)(?: me)? )?my (?:skills?|cross[\s-]?training)(?: (?:list|matrix|levels))?$|^what (?:are )?my skills(?: are)?$|^what skills do i have$|^what am i (?:trained|certified|cross[\s-]?trained) (?:on|in|for)$|^(?:show|see|view)(?: me)? (?:the )?skills?(?: matrix)?$/i,
    () => ok({ name: 'skills_show' }),
  ],
  [/^i (?:can (?:do|help with|handle|run|work|cover|also do)|know how to(?: do)?|(?:am|'m|m) (?:now )?(?:trained|certified|qualified|cross[\s-]?trained) (?:on|in|for|to do))\s+(.+)$/i, (m, _s, ctx) => skillsAdd(m[1] ?? '', 'trained', ctx)],
  [/^i(?:'m| am|m) (?:an? )?(?:expert|pro|advanced|really good|very good|great) (?:at|in|on|with)\s+(.+)$/i, (m, _s, ctx) => skillsAdd(m[1] ?? '', 'expert', ctx)],
  [/^i(?:'m| am|m) (?:good|decent|ok|okay|comfortable|experienced|solid) (?:at|in|on|with)\s+(.+)$/i, (m, _s, ctx) => skillsAdd(m[1] ?? '', 'trained', ctx)],
  [/^i(?:'m| am|m) (?:(?:still |now )?learning|being (?:cross[\s-]?)?trained (?:on|in)|in training (?:for|on)|training (?:on|in)|new to)\s+(.+)$/i, (m, _s, ctx) => skillsAdd(m[1] ?? '', 'learning', ctx)],
  [/^add\s+(.+?)\s+to my skills$/i, (m, _s, ctx) => skillsAdd(m[1] ?? '', 'trained', ctx)],
  [/^i (?:no longer|don'?t|do not|can'?t|cannot|can not) (?:do|handle|cover|work on)\s+(.+?)(?:\s+any ?more)?$/i, (m, _s, ctx) => skillsRemove(m[1] ?? '', ctx)],
  [/^(?:remove|delete|drop|take)\s+(.+?)\s+(?:from|off|out of) my skills$/i, (m, _s, ctx) => skillsRemove(m[1] ?? '', ctx)],

  // time off: list and cancel before "I'm out …"
  [
    /^(?:(?:show|list|see|view|check|display|get)(?: me)? )?(?:all )?(?:of )?my (?:upcoming )?(?:time[\s-]off|pto|vacations?|vacation days|days off|leave|out dates|absences|time away|ooo)(?: (?:days|dates|requests))?$|^(?:when|what days|which days|what dates) (?:am i|will i be) (?:out|off|away)$|^(?:what|how much) (?:time off|pto) do i have(?: (?:booked|scheduled|coming up|recorded))?$|^(?:do i have|have i got) (?:any )?(?:time off|pto)(?: (?:booked|scheduled|coming up|recorded))?$/i,
    () => ok({ name: 'out_list' }),
  ],
  [
    /^(?:cancel|delete|remove|undo|clear|take back)\s+(?:my\s+|the\s+|that\s+)?(?:time[\s-]off|pto|vacation|leave|day off|days off|out|absence|ooo)\b.*$|^i(?:'m| am|m) not (?:out|off|away) (?:any ?more|after all)$|^never ?mind,? i(?:'m| am|m) not (?:out|off|away)$/i,
    () => ok({ name: 'out_cancel' }),
  ],

  // who can cover me
  [
    /^(?<head>.*?)\b(?:cover|covering|coverage|cover-up)\b(?<tail>.*)$/i,
    (m, _s, ctx) => {
      const head = (m.groups?.['head'] ?? '').trim();
      // "I'll cover …", "I can cover …": an offer, not a request.
      if (/^i(?:'ll|'d|\s+will|\s+would|\s+can|\s+could|'m|\s+am|\s+am able to|\s+can help)?$/i.test(head)) return undefined;
      if (head && !/\b(?:who|who's|anyone|anybody|any one|someone|somebody|some one|need|needs|find|get|looking|available|able|free|can|could|would|is there|please|want)\b/i.test(head)) {
        return undefined;
      }
      return cover(m.groups?.['tail'] ?? '', head, ctx);
    },
  ],

  // time off
  [new RegExp(String.raw`^${SUBJECT}\s+${AWAY}\b(.*)$`, 'i'), (m, _s, ctx) => outArgs((m[1] ?? '').trim() || '', ctx)],
  [
    /^(?:i (?:need|want|would like|'d like|am going|'m going|plan) to (?:take|book|request|have|log|record)|(?:i'?m |i am |i'?ll |i will |i )?(?:take|taking|took|book|booking|request|requesting|need|want|log|logging|record|recording|schedule|scheduling|put in(?: for)?|putting in(?: for)?|would like|'d like)|can i (?:take|have|get)|may i (?:take|have|get)|could i (?:take|have|get))\s+(.+)$/i,
    (m, _s, ctx) => {
      const tail = m[1] ?? '';
      const off = OFF_WORDS.exec(tail);
      if (!off) return undefined;
      const dates = `${tail.slice(0, off.index)} ${tail.slice(off.index + off[0].length)}`.trim();
      return dates ? outArgs(dates, ctx) : badArgs('out');
    },
  ],
  [/^(?:my )?(?:pto|vacation|time off|leave|days? off|holiday)\s+(?:is|are|will be|starts?|from|on)\b\s*(.+)$/i, (m, _s, ctx) => outArgs(m[1] ?? '', ctx)],
  [
    /^(?:going on|on|off on|heading on|leaving (?:for|on))\s+(?:a\s+)?(?:vacation|vacay|holidays?|leave|pto|trip|maternity leave|paternity leave|medical leave|honeymoon)\s+(.+)$/i,
    (m, _s, ctx) => outArgs(m[1] ?? '', ctx),
  ],
  [
    /^(?:on leave|leave|sick|home sick|sick day|personal day|day off|out sick)\s+(.+)$/i,
    (m, _s, ctx) => {
      const result = outArgs(m[1] ?? '', ctx);
      return result.ok || /^(?:sick|home sick|sick day|personal day|day off|out sick)\b/i.test(m[0]) ? result : undefined;
    },
  ],

  // profile and the manager's views
  [
    /^(?:(?:show|edit|update|change|open|see|view|set up|setup|fill out|fill in|complete)(?: me)? )?my (?:mentoring )?profile$|^(?:edit|update|change|open|view|set up|setup) (?:the )?profile$|^(?:set|change|update) my (?:goals|capacity|cadence)\b.*$/i,
    () => ok({ name: 'profile' }),
  ],
  [
    /^(?:(?:show|run|get|see|view|open|give)(?: me)? )?(?:the )?(?:program |participation |mentoring |monthly |weekly )?(?:report|stats|statistics|numbers)$|^how (?:is|are) (?:the program|mentoring|people|everyone) doing$|^who(?:'s| is) (?:quiet|not meeting)$/i,
    () => ok({ name: 'report' }),
  ],
  [
    /^(?:(?:show|list|see|view|find|check|run)(?: me)? )?(?:the |our )?(?:cross[\s-]?training |coverage |skills? |training )?gaps$|^(?:single points? of failure|who is trained on what|where are we thin)$/i,
    () => ok({ name: 'gaps' }),
  ],
  [/^(?:run|start|do)(?: the)? (?:matching|match|matchmaking)$/i, () => ok({ name: 'match', preview: false })],
  [/^(?:preview|test|dry[\s-]?run)(?: the)? (?:matching|match|matches)$/i, () => ok({ name: 'match', preview: true })],
  [/^(?:show|list|see|view)(?: me)? (?:the )?(?:roster|staff list|staff|team|members|everyone|people|all staff)$/i, () => ok({ name: 'roster_show' })],
  [
    /^(?:(?:show|open|change|edit|see|view|update)(?: me)? )?(?:the )?(?:workspace |practice |rounds |bot )?settings$|^(?:change|set|update) (?:the )?(?:check-?in (?:day|time)|time ?zone|cadence|work ?days|holidays)\b.*$/i,
    () => ok({ name: 'settings' }),
  ],
];

/** Reads a plain sentence; undefined when no phrase fits. */
export function matchPhrase(sentence: Sentence, ctx: ParseContext): ParseResult | undefined {
  for (const [pattern, read] of PHRASES) {
    const m = pattern.exec(sentence.text);
    if (!m) continue;
    const result = read(m, sentence, ctx);
    if (result) return result;
  }
  return undefined;
}
