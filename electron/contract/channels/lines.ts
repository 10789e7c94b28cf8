import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

export const linesChannels = {
  'lines.list': ch(Empty, z.array(S.LineStatus), 'Carrier lines with the numbers they have left.', 'picker'),
  'lines.save': ch(S.Line.strict(), S.LineStatus, 'Create or change a carrier line.', 'supervisor'),
  'ranges.add': ch(
    z
      .object({
        lineId: z.string().min(1),
        params: z.record(z.string(), z.unknown()),
        first: z.number().int().min(0),
        last: z.number().int().min(0),
      })
      .strict(),
    S.LineStatus,
    'Add a block of serials the carrier allocated to this shipper.',
    'supervisor',
  ),
  'pool.import': ch(
    z.object({ lineId: z.string().min(1), csv: z.string().min(1).max(20_000_000) }).strict(),
    z.object({ imported: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), value: z.string(), reason: z.string() })) }),
    'Import pre-allocated tracking numbers (one per line or first CSV column).',
    'supervisor',
  ),
  'tracking.validate': ch(
    z.object({ number: z.string().min(1).max(60) }).strict(),
    z.object({ valid: z.boolean(), format: z.string().nullable(), carrier: z.string().nullable(), normalized: z.string().nullable(), message: z.string() }),
    'Recognise a tracking number and check its check digit.',
    'picker',
  ),
} as const;
