import type { Capability } from '../capability';

export const dispatchCapability: Capability = {
  name: 'dispatch',
  handlers: () => ({}),
};
