/** Local Shopify Admin GraphQL emulator: public API. */
export { startShopifyEmulator, type ShopifyEmulator, type ShopifyEmulatorOptions, type EmulatorStats } from './server';
export { EmulatorState, type NewOrderInput, type EmulatorSnapshot } from './state';
export { StatePersister, loadSnapshot, writeSnapshot } from './persist';
export { loadSchema, defaultSchemaPath, type LoadedSchema } from './schema';
export { requestedCost, actualCost, connectionMultiplier, MAX_QUERY_COST, MUTATION_COST_OVERRIDES, type CostOptions, type ConnectionScaling } from './cost';
export { LeakyBucket, BucketRegistry, RESTORE_RATE, BUCKET_MULTIPLIER, type ThrottleStatus } from './bucket';
export { runGraphQL, type EngineResult, type GraphQLRequestBody } from './engine';
export { createRootValue } from './resolvers';
export { emulatorFetch, emulatorClientConfig, type FetchLike } from './client';
export { FaultPlan, ALL_FAULT_KINDS, type FaultKind } from './faults';
export { buildTrackingUrl, knownTrackingCompanies, parseTrackingCompanies } from './tracking';
export { gid, parseGid } from './gid';
export type * from './model';
