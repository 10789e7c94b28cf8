import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSchema } from '../../../../../electron/capabilities/shopify/emulator/schema';
import { EmulatorState } from '../../../../../electron/capabilities/shopify/emulator/state';
import { LeakyBucket } from '../../../../../electron/capabilities/shopify/emulator/bucket';
import { createRootValue } from '../../../../../electron/capabilities/shopify/emulator/resolvers';
import { runGraphQL } from '../../../../../electron/capabilities/shopify/emulator/engine';
import { resourcePath } from '../../../../../electron/core/paths';

/** The captured pairs the repository carries (source noted in resources/shopify/README.md). */
export const CONFORMANCE_DIR = resourcePath('shopify', 'conformance');

export function pair(name: string): any {
  return JSON.parse(readFileSync(resolve(CONFORMANCE_DIR, name), 'utf8'));
}

/** An in-process emulator (no HTTP) with a fresh state and an effectively endless bucket clock. */
export function harness(opts: { clock?: () => number } = {}) {
  const { schema } = loadSchema();
  const state = new EmulatorState({ clock: opts.clock ?? (() => Date.UTC(2026, 6, 1)) });
  const rootValue = createRootValue(state, schema);
  let t = 0;
  const bucket = new LeakyBucket('standard', opts.clock ?? (() => (t += 60_000)));
  const run = (query: string, variables?: Record<string, unknown>) => runGraphQL({ schema, rootValue, bucket }, { query, variables });
  return { schema, state, run, bucket };
}

/** Replaces every gid's number by a stable placeholder so shapes can be compared. */
export function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' && v.startsWith('gid://shopify/') ? v.replace(/\/\d+$/, '/N') : v));
}
