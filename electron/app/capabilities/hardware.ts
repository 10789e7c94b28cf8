import type { Capability } from '../capability';

export const hardwareCapability: Capability = {
  name: 'hardware',
  handlers: () => ({}),
};
