import type { Capability } from '../capability';

export const shopifyCapability: Capability = {
  name: 'shopify',
  handlers: () => ({}),
};
