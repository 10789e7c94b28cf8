import { z } from 'zod';
import * as S from '../schemas';
import { ch } from './define';

export const ordersChannels = {
  'orders.import': ch(
    z.object({ format: z.enum(['csv', 'json']), text: z.string().min(1).max(50_000_000), store: z.string().default('local') }).strict(),
    S.OrderImportResult,
    'Import open orders from a CSV or JSON file.',
  ),
} as const;
