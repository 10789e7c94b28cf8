import { z } from 'zod';
import { channels, type ChannelName, type Channels } from '../contract/channels';
import { ApiError } from '../core/errors';
import { DiskFullError, isDiskFull } from '../../db/core/disk';
import { actingAs, type Acting } from '../core/acting';
import { noteRequest } from '../core/give-back';
import { allows, ROLE_LABEL, type Need, type Role } from '../contract/roles';

export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
) => z.input<Channels[C]['output']> | Promise<z.input<Channels[C]['output']>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export type CallResult =
  | { ok: true; data: unknown }
  | {
      ok: false;
      status: number;
      /** `need`: the least role the channel needs (403); `role`: the caller's, when signed in. */
      error: { code: string; message: string; issues?: Array<{ path: string; message: string }>; need?: Need; role?: Role };
    };

/**
 * Who calls: the local console (IPC, or HTTP with the per-install token), an integrator's API token,
 * or a system actor on the machine itself (a CLI command: whoever runs it holds the data folder).
 */
export type Caller = { kind: 'console' } | { kind: 'token'; token: string } | { kind: 'system'; name: string };

/** The sign-in the door checks: who a caller acts for (null: nobody signed in, or an unknown token). */
export interface Gate {
  principal(caller: Caller): Acting | null;
}

const gates = new WeakMap<object, Gate>();
/** The app binds its sign-in to its handlers once; every transport's invoke() then checks it. */
export function bindGate(handlers: Handlers, gate: Gate): void {
  gates.set(handlers, gate);
}

const CONSOLE: Caller = { kind: 'console' };
const a = (role: Need) => (role === 'anyone' ? 'anyone' : /^[aeiou]/.test(ROLE_LABEL[role]) ? `an ${ROLE_LABEL[role]}` : `a ${ROLE_LABEL[role]}`);

/** The least role of the channel against who calls: null lets the call through. */
function refusal(c: ChannelName, need: Need, caller: Caller, who: Acting | null): CallResult | null {
  if (need === 'anyone' && caller.kind === 'console') return null;
  if (!who && caller.kind === 'token')
    return {
      ok: false,
      status: 401,
      error: { code: 'UNAUTHORIZED', message: 'This API token is unknown or revoked. Ask an admin for a token (Setup → Operators → API tokens).' },
    };
  if (need === 'anyone') return null;
  if (!who)
    return {
      ok: false,
      status: 403,
      error: { code: 'FORBIDDEN', message: `Sign in first: ${c} needs ${a(need)}. Scan your badge.`, need },
    };
  if (allows(who.role, need)) return null;
  return {
    ok: false,
    status: 403,
    error: {
      code: 'FORBIDDEN',
      message: `${who.name} is ${a(who.role)}: ${c} needs ${a(need)} or above. Ask ${a(need)} to sign in (scan their badge).`,
      need,
      role: who.role,
    },
  };
}

/** The floor's scans: background work stands back longer after one (give-back.ts). */
const SCANS = new Set<ChannelName>(['pick.scan', 'pack.scan', 'dispatch.scan']);

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
 * The single entry point every transport uses: check the caller against the channel's least role
 * (403 naming the role needed), validate the input against the contract, run the handler as the
 * signed-in operator (the actor of every event it writes), return data or a structured error. Never throws.
 */
export async function invoke(handlers: Handlers, channel: string, raw: unknown, caller: Caller = CONSOLE): Promise<CallResult> {
  if (!Object.hasOwn(channels, channel))
    return { ok: false, status: 404, error: { code: 'NOT_FOUND', message: `There is no channel "${channel}". GET /api lists them.` } };
  const c = channel as ChannelName;
  noteRequest(SCANS.has(c));
  const need = channels[c].role;
  const gate = gates.get(handlers);
  if (!gate && need !== 'anyone')
    return { ok: false, status: 403, error: { code: 'FORBIDDEN', message: `${c} needs ${a(need)}, and this console has no sign-in.`, need } };
  const who = gate?.principal(caller) ?? null;
  const refused = refusal(c, need, caller, who);
  if (refused) return refused;
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
    const run = () => (handlers[c] as (i: unknown) => unknown)(parsed.data);
    const data = await (who ? actingAs(who, run) : run());
    return { ok: true, data: channels[c].output.parse(data) };
  } catch (err) {
    if (err instanceof DiskFullError) return { ok: false, status: 507, error: { code: 'DISK_FULL', message: err.message } };
    if (err instanceof ApiError)
      return {
        ok: false,
        status: STATUS[err.code] ?? 500,
        error: { code: err.code, message: err.message, issues: err.issues, ...((err.roles ?? {}) as { need?: Need; role?: Role }) },
      };
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
