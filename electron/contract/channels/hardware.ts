/** Channels of the hardware capability. */
export const hardwareChannels = {} as const;
