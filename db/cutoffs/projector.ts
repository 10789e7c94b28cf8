import type { Projector } from '../projections/types';

/** Projections of the cutoffs capability; tables listed children first (deleted in this order on rebuild). */
export const cutoffsProjector: Projector = {};
export const cutoffsTables: Array<{ table: string; runtime?: string[] }> = [];
