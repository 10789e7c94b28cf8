import type { Capability } from '../../app/capability';
import { importOrders } from './import';
import { ImportJobs } from './jobs';

export const ordersCapability: Capability = {
  name: 'orders',
  handlers: ({ ctx }) => {
    const jobs = new ImportJobs(ctx);
    return {
      'orders.import': (input) => importOrders(ctx, input),
      'orders.import.start': (input) => jobs.start(input),
      'orders.import.status': ({ importId }) => jobs.status(importId),
    };
  },
};
