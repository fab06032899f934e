// Reading core text in tests: the core marks user text with two private-use characters (userText); a test that
// compares what a person reads removes them, so each assertion keeps its meaning.
import type { Message } from '../../src/core/messages/model.ts';
import { stripUserText } from '../../src/core/messages/user-text.ts';

/** The text as a reader sees it, span markers removed. */
export function plain(text: string): string {
  return stripUserText(text);
}

/** Every string in a value (a message, a list of lines…) with span markers removed. */
export function plainDeep<T>(value: T): T {
  if (typeof value === 'string') return stripUserText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => plainDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainDeep(v as unknown)])) as T;
  }
  return value;
}

export type { Message };

/** A catalogue (or part of one) whose sentences come back with span markers removed. */
export function plainCatalog<T>(catalog: T): T {
  if (typeof catalog === 'function') return ((...args: unknown[]) => plainDeep((catalog as (...a: unknown[]) => unknown)(...args))) as T;
  if (typeof catalog === 'string') return catalog;
  if (Array.isArray(catalog)) return catalog.map((item: unknown) => plainCatalog(item)) as T;
  if (catalog !== null && typeof catalog === 'object') {
    return Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, plainCatalog(v as unknown)])) as T;
  }
  return catalog;
}
