import { z } from 'zod';
import * as S from '../schemas';
import { ch } from './define';

/** The file as text, or as its bytes in base64 (its encoding is then detected: UTF-8, UTF-16; Windows-1252 refused). */
const FileFields = z.object({
  format: z.enum(['csv', 'json']),
  text: z.string().min(1).max(50_000_000).optional(),
  base64: z.string().min(1).max(70_000_000).optional(),
  store: z.string().default('local'),
});
const oneOf = (f: { text?: string; base64?: string }) => (f.text === undefined) !== (f.base64 === undefined);
const oneOfError = { error: 'send the file as text or as base64 (one of them)', path: ['text'] };
const ImportFile = FileFields.strict().refine(oneOf, oneOfError);

const ImportStatus = z.object({
  importId: z.string(),
  fileName: z.string().nullable(),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['reading', 'checking', 'importing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  imported: z.number().int(),
  startedAt: S.IsoTime,
  error: z.string().nullable(),
  result: S.OrderImportResult.nullable(),
});

export const ordersChannels = {
  'orders.import': ch(
    ImportFile,
    S.OrderImportResult,
    'Import open orders from a CSV or JSON file and wait for the result (large files: orders.import.start).',
    'supervisor',
  ),
  'orders.import.start': ch(
    FileFields.extend({ fileName: z.string().max(260).optional() })
      .strict()
      .refine(oneOf, oneOfError),
    z.object({ importId: z.string() }),
    'Start importing an order file in the background; follow it with orders.import.status.',
    'supervisor',
  ),
  'orders.import.status': ch(
    z.object({ importId: z.string().min(1) }).strict(),
    ImportStatus,
    'Progress of a background import, then its row-by-row report.',
    'picker',
  ),
} as const;
