/**
 * One GraphQL request through the emulator: parse, validate (document + variables), cost,
 * bucket, execute, refund. Transport-free: server.ts wraps it in HTTP.
 */
import { type GraphQLError, execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { actualCost, requestedCost, selectOperation, MAX_QUERY_COST, type CostOptions } from './cost';
import type { LeakyBucket } from './bucket';
import { maxCostError, syntaxError, throttledError, toShopifyValidationError, type ShopifyError } from './errors';
import { variableErrors } from './variables';

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface EngineResult {
  status: number;
  body: Record<string, unknown>;
  /** 'ok' executed; the others were refused before running. */
  outcome: 'ok' | 'invalid' | 'throttled' | 'max-cost' | 'bad-request';
  isMutation: boolean;
  requested: number;
  actual: number;
}

export interface EngineDeps {
  schema: GraphQLSchema;
  rootValue: Record<string, unknown>;
  bucket: LeakyBucket;
  cost?: CostOptions;
  /** Force a THROTTLED answer whatever the bucket holds (fault injection). */
  forceThrottle?: boolean;
}

const docCache = new Map<string, DocumentNode>();

function parseCached(query: string): DocumentNode {
  let doc = docCache.get(query);
  if (!doc) {
    doc = parse(query);
    if (docCache.size > 500) docCache.clear();
    docCache.set(query, doc);
  }
  return doc;
}

const invalid = (errors: ShopifyError[], isMutation = false): EngineResult => ({
  status: 200,
  body: { errors },
  outcome: 'invalid',
  isMutation,
  requested: 0,
  actual: 0,
});

export async function runGraphQL(deps: EngineDeps, body: GraphQLRequestBody): Promise<EngineResult> {
  const { schema, bucket } = deps;
  if (typeof body?.query !== 'string' || !body.query.trim()) {
    return {
      status: 400,
      body: { errors: { query: 'Required parameter missing or invalid' } },
      outcome: 'bad-request',
      isMutation: false,
      requested: 0,
      actual: 0,
    };
  }
  let doc: DocumentNode;
  try {
    doc = parseCached(body.query);
  } catch (e) {
    return invalid([syntaxError(e as GraphQLError)]);
  }
  const operationName = typeof body.operationName === 'string' && body.operationName ? body.operationName : null;
  const op = selectOperation(doc, operationName);
  const isMutation = op?.operation === 'mutation';
  const validation = validate(schema, doc);
  if (validation.length)
    return invalid(
      validation.map((e) => toShopifyValidationError(e, doc)),
      isMutation,
    );
  if (!op)
    return invalid([
      { message: operationName ? `No operation named "${operationName}"` : 'An operation name is required', extensions: { code: 'OPERATION_NOT_FOUND' } },
    ]);
  const variables = body.variables && typeof body.variables === 'object' && !Array.isArray(body.variables) ? (body.variables as Record<string, unknown>) : {};
  const varErrors = variableErrors(schema, op, variables);
  if (varErrors.length) return invalid(varErrors, isMutation);

  const requested = requestedCost(schema, doc, variables, operationName, deps.cost);
  if (requested > MAX_QUERY_COST) {
    return {
      status: 200,
      body: {
        errors: [maxCostError(requested, MAX_QUERY_COST)],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
      },
      outcome: 'max-cost',
      isMutation,
      requested,
      actual: 0,
    };
  }
  if (deps.forceThrottle || !bucket.tryTake(requested)) {
    return {
      status: 200,
      body: { errors: [throttledError()], extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } } },
      outcome: 'throttled',
      isMutation,
      requested,
      actual: 0,
    };
  }
  const result = await execute({ schema, document: doc, rootValue: deps.rootValue, variableValues: variables, operationName });
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const actual = Math.min(requested, actualCost(schema, doc, data, variables, operationName, deps.cost));
  bucket.refund(requested - actual);
  const out: Record<string, unknown> = {};
  if (result.errors?.length) {
    out.errors = result.errors.map((e) => {
      const err: ShopifyError = { message: e.message };
      if (e.locations) err.locations = e.locations.map(({ line, column }) => ({ line, column }));
      err.extensions = { code: 'INTERNAL_SERVER_ERROR', ...(e.extensions ?? {}) };
      if (e.path) err.path = [...e.path];
      return err;
    });
  }
  out.data = data;
  out.extensions = { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } };
  return { status: 200, body: out, outcome: 'ok', isMutation, requested, actual };
}
