// Filled by its capability's work; empty until then.
export const name = 'shopify-relink';

export const up = ``;
