// Tables of the monitor capability.
export const name = 'monitor';

export const up = ``;
