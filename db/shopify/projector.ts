import type { Projector } from '../projections/types';

/** Projections of the shopify capability; tables listed children first (deleted in this order on rebuild). */
export const shopifyProjector: Projector = {};
export const shopifyTables: Array<{ table: string; runtime?: string[] }> = [];
