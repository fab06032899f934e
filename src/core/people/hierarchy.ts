// Reporting lines: who reports to whom, and the one rule they obey (nobody ends up reporting to themselves).

/** Whoever `id` reports to, or null/undefined when nobody. */
export type ManagerOf = (id: string) => string | null | undefined;

/**
 * The chain of managers above `managerId`, up to and including `memberId` when making `memberId` report to
 * `managerId` would close a loop; null when it would not.
 */
export function loopThrough(managerOf: ManagerOf, memberId: string, managerId: string): string[] | null {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = managerId;
  while (current) {
    chain.push(current);
    if (current === memberId) return chain;
    // A loop that does not pass through memberId is older than this change; it is not ours to report.
    if (seen.has(current)) return null;
    seen.add(current);
    current = managerOf(current);
  }
  return null;
}

export function wouldCreateCycle(managerOf: ManagerOf, memberId: string, managerId: string): boolean {
  return loopThrough(managerOf, memberId, managerId) !== null;
}
