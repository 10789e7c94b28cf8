// Filled by its capability's work; empty until then.
export const name = 'pick-lean';

export const up = ``;
