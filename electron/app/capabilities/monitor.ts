import type { Capability } from '../capability';

export const monitorCapability: Capability = {
  name: 'monitor',
  handlers: () => ({}),
};
