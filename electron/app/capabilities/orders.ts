import type { Capability } from '../capability';
import { importOrders } from '../../services/orders/import';
import { ImportJobs } from '../../services/orders/jobs';

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
