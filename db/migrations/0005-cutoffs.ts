// Tables of the cutoffs capability.
export const name = 'cutoffs';

export const up = ``;
