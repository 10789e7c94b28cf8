import type { Projector } from '../projections/types';

/** Projections of the hardware capability; tables listed children first (deleted in this order on rebuild). */
export const hardwareProjector: Projector = {};
export const hardwareTables: Array<{ table: string; runtime?: string[] }> = [];
