import type { AppEnv, Capability } from './capability';
import type { Handlers } from './invoke';
import { channelNames } from '../contract/channels';

/** Merge the capabilities' handlers; every channel of the contract must have exactly one. */
export function createHandlers(caps: Capability[], env: AppEnv): Handlers {
  const merged: Partial<Handlers> = {};
  for (const c of caps)
    for (const [name, fn] of Object.entries(c.handlers(env))) {
      if (name in merged) throw new Error(`channel ${name} is handled by two capabilities`);
      (merged as Record<string, unknown>)[name] = fn;
    }
  const missing = channelNames.filter((n) => !(n in merged));
  if (missing.length) throw new Error(`channels without a handler: ${missing.join(', ')}`);
  return merged as Handlers;
}
