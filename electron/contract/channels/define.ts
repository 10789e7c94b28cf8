import { z } from 'zod';

export const Empty = z.object({}).strict();

export const ch = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({ input, output, summary });
