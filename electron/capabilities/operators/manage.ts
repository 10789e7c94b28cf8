import { randomBytes } from 'node:crypto';
import { actorOf, type ServiceContext } from '../../core/context';
import { ApiError, badInput, conflict, notFound } from '../../core/errors';
import { type OperatorRow } from '../../../db/operators/reader';
import { DEFAULT_SIGNIN } from '../../../db/operators/projector';
import type { Role, SignInSettings } from '../../../db/operators/events';
import { hashPin, PIN_RULE, verifyPin } from './pin';

export const reader = (ctx: ServiceContext) => ctx.store.read.operators;
export const signInSettings = (ctx: ServiceContext): SignInSettings => ctx.store.read.operators.setting('signin', DEFAULT_SIGNIN);

/** Supervisors and admins sign in with their badge and a PIN; pickers and dispatch leads with the badge alone. */
export const needsPin = (role: Role) => role === 'supervisor' || role === 'admin';

const BADGE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A badge code: `OP-` and 8 characters that a scanner reads and a person can type (no 0/O, 1/I). */
export function newBadge(): string {
  const b = randomBytes(8);
  const s = [...b].map((x) => BADGE_CHARS[x % BADGE_CHARS.length]).join('');
  return `OP-${s.slice(0, 4)}-${s.slice(4)}`;
}
export const BADGE_RULE = /^OP-[A-Z0-9]{2,8}-[A-Z0-9]{2,8}$/;

export interface OperatorInput {
  id: string;
  name: string;
  role: Role;
  pin?: string | null;
  badge?: string;
}

/** A PIN that would let someone else's PIN sign in as two people is refused: PINs are unique per site. */
async function pinTaken(ctx: ServiceContext, pin: string, except: string | null): Promise<boolean> {
  for (const o of reader(ctx).pinHashes()) if (o.id !== except && (await verifyPin(pin, o.pinHash))) return true;
  return false;
}

async function checkedPin(ctx: ServiceContext, pin: string, id: string | null): Promise<string> {
  if (!PIN_RULE.test(pin)) throw badInput('A PIN is 4 to 8 digits.', [{ path: 'pin', message: 'use 4 to 8 digits' }]);
  if (await pinTaken(ctx, pin, id)) throw badInput('Another operator has this PIN: choose another.', [{ path: 'pin', message: 'already used' }]);
  return hashPin(pin);
}

export async function createOperator(ctx: ServiceContext, input: OperatorInput): Promise<OperatorRow> {
  const r = reader(ctx);
  if (r.byId(input.id)) throw conflict(`There is already an operator "${input.id}". Choose another id, or change that operator.`);
  const badge = input.badge ?? newBadge();
  if (r.byBadge(badge)) throw conflict(`Badge ${badge} is already given to another operator.`);
  if (needsPin(input.role) && !input.pin)
    throw badInput(`A ${input.role} needs a PIN as well as the badge: give one of 4 to 8 digits.`, [{ path: 'pin', message: 'required for this role' }]);
  const pinHash = input.pin ? await checkedPin(ctx, input.pin, null) : null;
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'operator.created', subject: input.id, payload: { operatorId: input.id, name: input.name, role: input.role, badge, pinHash } }),
  );
  return r.byId(input.id)!;
}

export interface OperatorChange {
  id: string;
  name?: string;
  role?: Role;
  /** A new PIN; null removes it (not for supervisors and admins). */
  pin?: string | null;
  active?: boolean;
  reason?: string;
}

export async function changeOperator(ctx: ServiceContext, ch: OperatorChange): Promise<OperatorRow> {
  const r = reader(ctx);
  const op = r.byId(ch.id);
  if (!op) throw notFound(`Operator "${ch.id}"`, 'Pick one from the list of operators.');
  const role = ch.role ?? op.role;
  const willHavePin = ch.pin === undefined ? op.hasPin : ch.pin !== null;
  if (needsPin(role) && !willHavePin) throw badInput(`A ${role} needs a PIN: set one first.`, [{ path: 'pin', message: 'required for this role' }]);
  if (ch.active === false && ch.id === actorOf(ctx)) throw new ApiError('CONFLICT', 'You cannot disable yourself: ask another admin.');
  const pinHash = ch.pin ? await checkedPin(ctx, ch.pin, op.id) : ch.pin;
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => {
    const subject = op.id;
    if (ch.name && ch.name !== op.name) emit({ type: 'operator.renamed', subject, payload: { operatorId: op.id, name: ch.name } });
    if (ch.role && ch.role !== op.role) emit({ type: 'operator.role_changed', subject, payload: { operatorId: op.id, from: op.role, to: ch.role } });
    if (pinHash !== undefined) emit({ type: 'operator.pin_set', subject, payload: { operatorId: op.id, pinHash } });
    if (ch.active === false && op.active) emit({ type: 'operator.disabled', subject, payload: { operatorId: op.id, reason: ch.reason ?? 'disabled' } });
    if (ch.active === true && !op.active) emit({ type: 'operator.enabled', subject, payload: { operatorId: op.id } });
  });
  return r.byId(op.id)!;
}

export function unlockOperator(ctx: ServiceContext, id: string): OperatorRow {
  const op = reader(ctx).byId(id);
  if (!op) throw notFound(`Operator "${id}"`, 'Pick one from the list of operators.');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'operator.unlocked', subject: id, payload: { operatorId: id } }));
  return reader(ctx).byId(id)!;
}

export function saveSignInSettings(ctx: ServiceContext, settings: SignInSettings): SignInSettings {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'operators.settings_saved', payload: { settings } }));
  return signInSettings(ctx);
}

/** Is the operator locked now (too many wrong PINs, lock not yet run out)? */
export const lockedNow = (op: OperatorRow, now: Date) => op.lockedUntil !== null && Date.parse(op.lockedUntil) > now.getTime();
