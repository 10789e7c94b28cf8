// Tables of the dispatch capability.
export const name = 'dispatch';

export const up = ``;
