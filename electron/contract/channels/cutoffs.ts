/** Channels of the cutoffs capability. */
export const cutoffsChannels = {} as const;
