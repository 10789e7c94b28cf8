/** Channels of the dispatch capability. */
export const dispatchChannels = {} as const;
