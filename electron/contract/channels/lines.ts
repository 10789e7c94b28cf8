import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

const Customs = z
  .object({
    enabled: z.boolean(),
    category: z.enum(['merchandise', 'gift', 'documents', 'sample', 'returned_goods', 'other']),
    originCountry: z.string().length(2),
    currency: z.string().length(3),
    valuePerItem: z.number().min(0),
    weightPerItemKg: z.number().min(0),
    items: z.record(
      z.string(),
      z
        .object({
          description: z.string().max(60).optional(),
          hsCode: z.string().optional(),
          value: z.number().min(0).optional(),
          weightKg: z.number().min(0).optional(),
          origin: z.string().length(2).optional(),
        })
        .strict(),
    ),
  })
  .strict();

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
  'lines.customs': ch(z.object({ lineId: z.string().min(1) }).strict(), Customs.nullable(), 'A line’s customs (CN22) block settings.', 'picker'),
  'lines.customs.save': ch(
    z.object({ lineId: z.string().min(1), customs: Customs.nullable() }).strict(),
    Customs.nullable(),
    'Turn the customs block on/off for a line.',
    'supervisor',
  ),
} as const;
