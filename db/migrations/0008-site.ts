// Filled by its capability's work; empty until then.
export const name = 'site';

export const up = ``;
