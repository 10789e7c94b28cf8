import { z } from 'zod';
import { channels, type ChannelName, type Channels } from '../contract/channels';
import { ApiError } from '../core/errors';
import { DiskFullError, isDiskFull } from '../../db/disk';

export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
) => z.input<Channels[C]['output']> | Promise<z.input<Channels[C]['output']>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export type CallResult =
  { ok: true; data: unknown } | { ok: false; status: number; error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

const STATUS: Record<string, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  DISK_FULL: 507,
};

export function issuesOf(err: z.ZodError) {
  return err.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }));
}

/**
 * The single entry point every transport uses: validate the input against the contract, run the
 * handler, return data or a structured error. Never throws.
 */
export async function invoke(handlers: Handlers, channel: string, raw: unknown): Promise<CallResult> {
  if (!Object.hasOwn(channels, channel))
    return { ok: false, status: 404, error: { code: 'NOT_FOUND', message: `There is no channel "${channel}". GET /api lists them.` } };
  const c = channel as ChannelName;
  const parsed = channels[c].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return {
      ok: false,
      status: 400,
      error: { code: 'BAD_INPUT', message: `Input for ${c} is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues },
    };
  }
  try {
    const data = await (handlers[c] as (i: unknown) => unknown)(parsed.data);
    return { ok: true, data: channels[c].output.parse(data) };
  } catch (err) {
    if (err instanceof DiskFullError) return { ok: false, status: 507, error: { code: 'DISK_FULL', message: err.message } };
    if (err instanceof ApiError) return { ok: false, status: STATUS[err.code] ?? 500, error: { code: err.code, message: err.message, issues: err.issues } };
    if (err instanceof z.ZodError)
      return {
        ok: false,
        status: 500,
        error: { code: 'INTERNAL', message: `The console produced an answer that breaks its own contract on ${c}. Report this.`, issues: issuesOf(err) },
      };
    if (isDiskFull(err)) return { ok: false, status: 507, error: { code: 'DISK_FULL', message: new DiskFullError("the station's data disk").message } };
    console.error(`[${c}]`, err);
    return {
      ok: false,
      status: 500,
      error: { code: 'INTERNAL', message: `Something went wrong on ${c}: ${(err as Error).message}. Try again; if it repeats, report it.` },
    };
  }
}
