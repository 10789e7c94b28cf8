import type { Capability } from '../capability';

export const cutoffsCapability: Capability = {
  name: 'cutoffs',
  handlers: () => ({}),
};
