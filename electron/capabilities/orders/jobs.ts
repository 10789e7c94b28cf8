import { randomUUID } from 'node:crypto';
import { ApiError, notFound } from '../../core/errors';
import type { ServiceContext } from '../../core/context';
import { importOrders, type ImportInput, type ImportProgress, type ImportResult } from './import';

export interface ImportJob {
  importId: string;
  fileName: string | null;
  state: 'running' | 'done' | 'failed';
  phase: ImportProgress['phase'];
  done: number;
  total: number;
  imported: number;
  startedAt: string;
  error: string | null;
  result: ImportResult | null;
}

/**
 * Imports running in the background of this process, with their progress (the Setup screen and the
 * CLI draw it). Finished ones are kept a while so the report can still be read.
 */
export class ImportJobs {
  private jobs = new Map<string, ImportJob>();

  constructor(private readonly ctx: ServiceContext) {}

  start(input: ImportInput & { fileName?: string }): { importId: string } {
    const job: ImportJob = {
      importId: randomUUID(),
      fileName: input.fileName ?? null,
      state: 'running',
      phase: 'reading',
      done: 0,
      total: 0,
      imported: 0,
      startedAt: this.ctx.clock.now().toISOString(),
      error: null,
      result: null,
    };
    this.jobs.set(job.importId, job);
    this.prune();
    const { fileName: _, ...file } = input;
    importOrders(this.ctx, file, (p) => Object.assign(job, p)).then(
      (result) => Object.assign(job, { state: 'done', phase: 'done', result }),
      (err: unknown) =>
        Object.assign(job, {
          state: 'failed',
          error:
            err instanceof ApiError
              ? err.message
              : `The import stopped: ${(err as Error).message}. Import the same file again: orders already in are not imported twice.`,
        }),
    );
    return { importId: job.importId };
  }

  status(importId: string): ImportJob {
    const job = this.jobs.get(importId);
    if (!job) throw notFound(`Import ${importId}`, 'Start the import again from Setup (orders already in are not imported twice).');
    return { ...job, result: job.result && { ...job.result, rejected: job.result.rejected.slice(0, 5_000) } };
  }

  private prune(): void {
    const done = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of done.slice(0, Math.max(0, done.length - 20))) this.jobs.delete(j.importId);
  }
}
