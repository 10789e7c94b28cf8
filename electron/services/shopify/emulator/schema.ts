/**
 * Loads the Admin GraphQL SDL once per process and builds it with `graphql`.
 * Path: option > env FIRSTSCAN_SHOPIFY_SCHEMA > <repo>/../shared/shopify/admin-2026-07.graphql.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

export interface LoadedSchema {
  schema: GraphQLSchema;
  path: string;
  /** Milliseconds spent reading + building the SDL (0 when served from cache). */
  buildMs: number;
  /** Milliseconds of the first build of this path in this process. */
  firstBuildMs: number;
}

const cache = new Map<string, { schema: GraphQLSchema; buildMs: number }>();

const here = dirname(fileURLToPath(import.meta.url));
/** Repo root: electron/services/shopify/emulator -> ../../../.. */
export const REPO_ROOT = resolve(here, '..', '..', '..', '..');

export function defaultSchemaPath(): string {
  const fromEnv = process.env.FIRSTSCAN_SHOPIFY_SCHEMA;
  if (fromEnv && fromEnv.trim()) return resolve(fromEnv.trim());
  return resolve(REPO_ROOT, '..', 'shared', 'shopify', 'admin-2026-07.graphql');
}

export function loadSchema(opts: { path?: string } = {}): LoadedSchema {
  const path = resolve(opts.path ?? defaultSchemaPath());
  const hit = cache.get(path);
  if (hit) return { schema: hit.schema, path, buildMs: 0, firstBuildMs: hit.buildMs };
  const t0 = performance.now();
  const sdl = readFileSync(path, 'utf8');
  // The SDL is Shopify's own; skip SDL validation (saves ~20% of build time).
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const buildMs = Math.round(performance.now() - t0);
  cache.set(path, { schema, buildMs });
  return { schema, path, buildMs, firstBuildMs: buildMs };
}
