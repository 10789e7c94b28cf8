import { z } from 'zod';

export const OrderFileItem = z.object({
  sku: z.string().trim().min(1, 'sku is missing'),
  barcode: z.string().trim().optional(),
  title: z.string().trim().min(1, 'item title is missing'),
  quantity: z.coerce.number({ error: 'quantity must be a whole number' }).int('quantity must be a whole number').min(1, 'quantity must be at least 1'),
});

/** One order as a file brings it (JSON directly, CSV grouped by order name). */
export const OrderFileRow = z.object({
  name: z.string().trim().min(1, 'order name is missing'),
  line: z.string().trim().min(1, 'carrier line is missing'),
  email: z.string().email().optional(),
  shipTo: z.object({
    name: z.string().trim().min(1, 'recipient name is missing'),
    company: z.string().optional(),
    address1: z.string().trim().min(1, 'address is missing'),
    address2: z.string().optional(),
    city: z.string().trim().min(1, 'city is missing'),
    province: z.string().optional(),
    zip: z.string().trim().min(1, 'postal code is missing'),
    country: z.string().trim().length(2, 'country must be an ISO 3166-1 two-letter code, e.g. US, GB, DE, CN'),
    phone: z.string().optional(),
  }),
  items: z.array(OrderFileItem),
});
export type OrderFileRow = z.infer<typeof OrderFileRow>;
