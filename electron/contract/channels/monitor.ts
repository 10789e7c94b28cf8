/** Channels of the monitor capability. */
export const monitorChannels = {} as const;
