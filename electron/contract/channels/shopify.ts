/** Channels of the shopify capability. */
export const shopifyChannels = {} as const;
