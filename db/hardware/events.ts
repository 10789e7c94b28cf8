/** Events of the hardware capability (merged into EventMap in db/event-types.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HardwareEvents {}
