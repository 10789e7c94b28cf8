import type { Projector } from '../projections/types';

/** Projections of the dispatch capability; tables listed children first (deleted in this order on rebuild). */
export const dispatchProjector: Projector = {};
export const dispatchTables: Array<{ table: string; runtime?: string[] }> = [];
