// Tables of the hardware capability.
export const name = 'hardware';

export const up = ``;
