import { z } from 'zod';
import { ch } from './define';

const Period = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-23')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-06')
      .optional(),
  })
  .strict();

const Assessment = z.object({
  site: z.string(),
  zone: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  parcels: z.number().int(),
  answers: z.array(
    z.object({
      n: z.number().int(),
      question: z.string(),
      good: z.string(),
      answer: z.string(),
      figures: z.array(z.object({ label: z.string(), value: z.string() })),
      source: z.string(),
      mark: z.enum(['pass', 'attention']),
    }),
  ),
});

export const assessmentChannels = {
  'assessment.report': ch(
    Period,
    Assessment,
    'Supervisor: the partner self-assessment (Table 5 of the domain article) for a period of warehouse days (default: the last 14), answered from this site’s own figures.',
    'supervisor',
  ),
  'assessment.pdf': ch(
    Period,
    z.object({ fileName: z.string(), pdfBase64: z.string() }),
    'Supervisor: the same self-assessment as a PDF to send to merchants.',
    'supervisor',
  ),
} as const;
