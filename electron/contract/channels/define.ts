import { z } from 'zod';
import type { Need } from '../roles';

export const Empty = z.object({}).strict();

/**
 * One channel of the contract: input, output, what it does, and the least role it needs (`invoke()`
 * refuses anyone below it, on every transport). The role is not optional: a channel without one does
 * not compile.
 */
export const ch = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string, role: Need) => ({ input, output, summary, role });
