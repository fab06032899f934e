// The check-in messages: the weekly check-in (a row per pair), its reminder, the pause notice, a nudge and the note form.
import { actions, button, context, form, header, message, section } from '../messages/build.ts';
import type { Catalog } from '../messages/catalog.ts';
import type { Message } from '../messages/model.ts';
import type { Member, Pair } from '../model.ts';
import type { Checkin, CheckinAnswer, CheckinOutcome } from './repository.ts';

/** Button values: `<verb>|<checkinId>|<pairId>`; every check-in button and form routes under the `checkin` prefix. */
export type CheckinVerb = CheckinOutcome | 'noteform' | 'note' | 'tell' | 'resume';

export function actionValue(verb: CheckinVerb, checkinId = '', pairId = ''): string {
  return `${verb}|${checkinId}|${pairId}`;
}

export function readActionValue(value: string): { verb: string; checkinId: string; pairId: string } {
  const [verb = '', checkinId = '', pairId = ''] = value.split('|');
  return { verb, checkinId, pairId };
}

/** The other member of `pair`, as the reader sees them. */
export function partnerOf(pair: Pair, reader: Pick<Member, 'id'>): { partnerId: string; readerIs: 'mentor' | 'mentee' } {
  return pair.mentorId === reader.id ? { partnerId: pair.menteeId, readerIs: 'mentor' } : { partnerId: pair.mentorId, readerIs: 'mentee' };
}

export interface CheckinView {
  member: Member;
  checkin: Checkin;
  /** The pairs of the check-in, in its order. */
  pairs: Pair[];
  nameOf: (memberId: string) => string;
  answers?: readonly CheckinAnswer[];
  reminder?: boolean;
  /** The check-in as it reads once answered: answered rows say what was decided and keep no buttons. */
  settled?: boolean;
}

export function checkinMessage(t: Catalog, view: CheckinView): Message {
  const tc = t.checkins.checkin;
  const { member, checkin } = view;
  const answerOf = new Map((view.answers ?? []).map((a) => [a.pairId, a]));
  const blocks = [
    header(view.reminder ? tc.reminderTitle : tc.title),
    section(view.reminder ? tc.reminderIntro(member.displayName) : tc.intro(member.displayName, view.pairs.length)),
  ];
  for (const pair of view.pairs) {
    const { partnerId, readerIs } = partnerOf(pair, member);
    const answer = answerOf.get(pair.id)?.outcome;
    const row = tc.row(view.nameOf(partnerId), t.checkins.partnerRole(pair.kind, readerIs));
    blocks.push(section(answer ? `${row}\n${tc.answered(tc.outcomes[answer])}` : row));
    if (view.settled && answer) continue;
    blocks.push(
      actions(
        button(tc.met, 'checkin.met', actionValue('met', checkin.id, pair.id), 'primary'),
        button(tc.notYet, 'checkin.not_yet', actionValue('not_yet', checkin.id, pair.id)),
        button(tc.needHelp, 'checkin.need_help', actionValue('need_help', checkin.id, pair.id)),
        button(tc.addNote, 'checkin.note', actionValue('noteform', checkin.id, pair.id)),
      ),
    );
  }
  blocks.push(context(tc.privacy));
  return message(blocks);
}

export function pauseNotice(t: Catalog, member: Member): Message {
  return message([section(t.checkins.pause.notice(member.displayName)), actions(button(t.checkins.pause.resume, 'checkin.resume', actionValue('resume'), 'primary'))]);
}

export function nudgeMessage(t: Catalog, names: [string, string], quietDays: number, starter: string): Message {
  const tn = t.checkins.nudge;
  return message([section(tn.text(names[0], names[1], tn.since(quietDays))), section(tn.starter(starter)), context(tn.after)]);
}

/** A conversation starter for a pair's period, the same one every time it is asked for. */
export function starterFor(t: Catalog, seed: string): string {
  const starters = t.checkins.nudge.starters;
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return starters[hash % starters.length] ?? starters[0] ?? '';
}

export function noteForm(t: Catalog, checkinId: string, pairId: string, current?: CheckinAnswer, typed?: { rating: string; note: string }): Message {
  const tn = t.checkins.note;
  const rating = typed?.rating ?? (current?.rating ? String(current.rating) : undefined);
  const note = typed?.note ?? current?.note ?? undefined;
  return message([
    form({
      formId: 'checkin.note',
      title: tn.title,
      submitLabel: tn.save,
      value: actionValue('note', checkinId, pairId),
      inputs: [
        {
          type: 'input',
          name: 'rating',
          label: tn.rating,
          kind: 'select',
          options: tn.ratingOptions.map((label, i) => ({ label, value: String(i + 1) })),
          optional: true,
          ...(rating ? { initial: rating } : {}),
        },
        { type: 'input', name: 'note', label: tn.note, kind: 'textarea', optional: true, hint: tn.hint, ...(note ? { initial: note } : {}) },
      ],
    }),
  ]);
}
