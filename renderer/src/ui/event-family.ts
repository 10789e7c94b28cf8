import type { EventType } from '../../../electron/contract/channels';

/** `unknown` when some event type starts with P, `never` (a compile error at the call) when none does. */
type Known<P extends string> = [Extract<EventType, `${P}${string}`>] extends [never] ? never : unknown;

/**
 * A refresh predicate's test for a family of events (`startsWith(t, 'parcel.')`), checked by the compiler:
 * a prefix that no event type of the event map starts with does not compile, so a renamed or removed
 * event family cannot silently stop a screen's refresh (String's own startsWith checks nothing).
 */
export function startsWith<P extends string>(t: EventType, prefix: P & Known<P>): boolean {
  return t.startsWith(prefix);
}
