import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

export const printingChannels = {
  'printers.list': ch(Empty, z.array(S.Printer.extend({ queued: z.number().int(), failing: z.string().nullable() })), 'Printers and their queues.'),
  'printers.save': ch(S.Printer.strict(), S.Printer, 'Add or change a printer.'),
  'jobs.list': ch(
    z.object({ status: z.enum(['queued', 'done', 'dead']).optional(), kind: z.string().optional(), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    z.array(S.Job),
    'Outbox jobs (labels, Shopify, carriers).',
  ),
  'jobs.retry': ch(z.object({ id: z.string().min(1) }).strict(), S.Job, 'Retry a failed or dead job now.'),
} as const;
