import type { Projector } from '../projections/types';

/** Projections of the monitor capability; tables listed children first (deleted in this order on rebuild). */
export const monitorProjector: Projector = {};
export const monitorTables: Array<{ table: string; runtime?: string[] }> = [];
