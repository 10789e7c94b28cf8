// Tables of the shopify capability.
export const name = 'shopify';

export const up = ``;
