import { newId } from '../../../core/ids';
import type { JobPlanner } from '../../../core/planners';
import { printerLane } from './health';

/** Every pick and reprint queues one label job on the station's printer lane. */
export const printPlanner: JobPlanner = (_ctx, parcel, at) => [
  {
    id: newId('job', at),
    kind: 'print.label',
    target: printerLane(parcel.printerId),
    ref: parcel.parcelId,
    payload: { parcelId: parcel.parcelId, printerId: parcel.printerId },
  },
];
