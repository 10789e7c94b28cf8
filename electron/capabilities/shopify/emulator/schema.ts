/**
 * Loads the Admin GraphQL SDL once per process and builds it with `graphql`.
 * Path: option > env FIRSTSCAN_SHOPIFY_SCHEMA > the copy the product ships,
 * resources/shopify/admin-2026-07.graphql (its source is noted in resources/shopify/README.md).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { resourcePath } from '../../../core/paths';

export interface LoadedSchema {
  schema: GraphQLSchema;
  path: string;
  /** Milliseconds spent reading + building the SDL (0 when served from cache). */
  buildMs: number;
  /** Milliseconds of the first build of this path in this process. */
  firstBuildMs: number;
}

const cache = new Map<string, { schema: GraphQLSchema; buildMs: number }>();

export function defaultSchemaPath(): string {
  const fromEnv = process.env.FIRSTSCAN_SHOPIFY_SCHEMA;
  if (fromEnv && fromEnv.trim()) return resolve(fromEnv.trim());
  return resourcePath('shopify', 'admin-2026-07.graphql');
}

export function loadSchema(opts: { path?: string } = {}): LoadedSchema {
  const path = resolve(opts.path ?? defaultSchemaPath());
  const hit = cache.get(path);
  if (hit) return { schema: hit.schema, path, buildMs: 0, firstBuildMs: hit.buildMs };
  const t0 = performance.now();
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(
      `The Shopify Admin schema is missing (${path}: ${(e as NodeJS.ErrnoException).code ?? e}). ` +
        'Reinstall Firstscan, or in a checkout restore resources/shopify/ with `git checkout -- resources/shopify`.',
    );
  }
  // The SDL is Shopify's own; skip SDL validation (saves ~20% of build time).
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const buildMs = Math.round(performance.now() - t0);
  cache.set(path, { schema, buildMs });
  return { schema, path, buildMs, firstBuildMs: buildMs };
}
