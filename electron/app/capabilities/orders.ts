import type { Capability } from '../capability';
import { importOrders } from '../../services/orders/import';

export const ordersCapability: Capability = {
  name: 'orders',
  handlers: ({ ctx }) => ({
    'orders.import': (input) => importOrders(ctx, input),
  }),
};
