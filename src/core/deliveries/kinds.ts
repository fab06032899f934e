// The registry of delivery kinds: every kind of message Rounds sends on its own, the key it is recorded
// under and whether it counts against the weekly attention budget (docs/architecture.md, "Delivery kinds").
//
// A key is fixed by what the delivery is (kind, subject, period, and the reader when each reader gets a DM
// of their own), so recording it twice records it once. Keys are built here and nowhere else.

interface KindSpec<A extends readonly string[]> {
  /** The delivery's key from its subject, period and reader. */
  key: (...parts: A) => string;
  /** Whether a reader's message of this kind takes from their weekly budget of unasked messages. */
  countsAgainstBudget: boolean;
}

const kind = <A extends readonly string[]>(spec: KindSpec<A>): KindSpec<A> => spec;

export const DELIVERY_KINDS = {
  // Check-ins (checkins/tick.ts): one per member per ISO week of their zone, its reminder, the pause notice, the pair's nudge.
  checkin: kind({ key: (memberId: string, isoWeek: string) => `checkin:${memberId}:${isoWeek}`, countsAgainstBudget: true }),
  checkin_reminder: kind({ key: (memberId: string, isoWeek: string) => `checkin-reminder:${memberId}:${isoWeek}`, countsAgainstBudget: true }),
  checkin_paused: kind({ key: (memberId: string, isoWeek: string) => `checkin-paused:${memberId}:${isoWeek}`, countsAgainstBudget: true }),
  nudge: kind({ key: (pairId: string, period: string) => `nudge:${pairId}:${period}`, countsAgainstBudget: true }),
  /** "Need help → Tell my manager": one DM to each leader told. */
  checkin_help: kind({
    key: (checkinId: string, pairId: string, recipientId: string) => `checkin-help:${checkinId}:${pairId}:${recipientId}`,
    countsAgainstBudget: true,
  }),
  // Mentoring: introductions and what becomes of a pair.
  mentoring_intro: kind({ key: (pairId: string, recipientId: string) => `intro:${pairId}:${recipientId}`, countsAgainstBudget: true }),
  pair_active: kind({ key: (pairId: string, recipientId: string) => `pair-active:${pairId}:${recipientId}`, countsAgainstBudget: true }),
  pair_declined: kind({ key: (pairId: string, recipientId: string) => `pair-declined:${pairId}:${recipientId}`, countsAgainstBudget: true }),
  pair_paused: kind({ key: (pairId: string, recipientId: string, at: string) => `pair-paused:${pairId}:${recipientId}:${at}`, countsAgainstBudget: true }),
  pair_resumed: kind({ key: (pairId: string, recipientId: string, at: string) => `pair-resumed:${pairId}:${recipientId}:${at}`, countsAgainstBudget: true }),
  pair_reflect: kind({ key: (pairId: string, recipientId: string) => `pair-reflect:${pairId}:${recipientId}`, countsAgainstBudget: true }),
  /** The partner of someone deactivated: their pair ended. */
  pair_ended: kind({ key: (pairId: string) => `pair-ended:${pairId}`, countsAgainstBudget: true }),
  /** A member's wish for a mentor, to the leaders told; once a week per member (see mentorRequestPrefix). */
  mentor_request: kind({
    key: (memberId: string, week: string, recipientId: string) => `${mentorRequestPrefix(memberId, week)}${recipientId}`,
    countsAgainstBudget: true,
  }),
  mentor_request_withdrawn: kind({
    key: (memberId: string, week: string, recipientId: string) => `mentor-request-withdrawn:${memberId}:${week}:${recipientId}`,
    countsAgainstBudget: true,
  }),
  // Coverage: the heads-up about a gap that time off leaves, to the leaders told, and its withdrawal.
  'timeoff-gap': kind({ key: (timeOffId: string, recipientId: string) => `${timeOffGapPrefix(timeOffId)}${recipientId}`, countsAgainstBudget: true }),
  'timeoff-withdrawn': kind({ key: (timeOffId: string, recipientId: string) => `timeoff-withdrawn:${timeOffId}:${recipientId}`, countsAgainstBudget: true }),
  // People.
  role_changed: kind({ key: (memberId: string, role: string, at: string) => `role-changed:${memberId}:${role}:${at}`, countsAgainstBudget: true }),
  welcome: kind({ key: (memberId: string) => `welcome:${memberId}`, countsAgainstBudget: true }),
} as const;

export type DeliveryKind = keyof typeof DELIVERY_KINDS;

type KeyParts<K extends DeliveryKind> = Parameters<(typeof DELIVERY_KINDS)[K]['key']>;

/** A delivery's kind and key, to spread into an outbox item: `{ ...delivery('welcome', member.id), … }`. */
export function delivery<K extends DeliveryKind>(kind: K, ...parts: KeyParts<K>): { kind: K; key: string } {
  const key = (DELIVERY_KINDS[kind].key as (...p: readonly string[]) => string)(...parts);
  return { kind, key };
}

/** The key of a delivery of `kind`. */
export function deliveryKey<K extends DeliveryKind>(kind: K, ...parts: KeyParts<K>): string {
  return delivery(kind, ...parts).key;
}

/** The keys of every reader told about a member's mentor request of `week` begin with this. */
export function mentorRequestPrefix(memberId: string, week: string): string {
  return `mentor-request:${memberId}:${week}:`;
}

/** The keys of every reader told about a time off's coverage gap begin with this. */
export function timeOffGapPrefix(timeOffId: string): string {
  return `timeoff-gap:${timeOffId}:`;
}

/**
 * Whether a delivery of `kind` takes from its readers' weekly budget. A kind the registry does not know
 * (recorded by an older or newer version) counts, except the new hire's own onboarding sequence
 * (kinds `onboarding…`), which never does.
 */
export function countsAgainstBudget(kind: string): boolean {
  const known: Record<string, KindSpec<readonly string[]> | undefined> = DELIVERY_KINDS;
  const spec = known[kind];
  return spec ? spec.countsAgainstBudget : !kind.startsWith('onboarding');
}
