import { createHash } from 'node:crypto';
import type { Acting } from '../../core/acting';
import type { ServiceContext } from '../../core/context';
import { ApiError } from '../../core/errors';
import { whenOf } from '../../core/time-format';
import { siteInfo } from '../../core/context';
import type { OperatorRow } from '../../../db/operators/reader';
import type { StoredEvent } from '../../../db/event-types';
import { lockedNow, needsPin, reader, signInSettings } from './manage';
import { verifyPin } from './pin';
import { ROLE_LABEL } from '../../contract/roles';

/** Who calls (see electron/app/invoke.ts). */
export type Caller = { kind: 'console' } | { kind: 'token'; token: string } | { kind: 'system'; name: string };

export type SignInOutcome =
  | { outcome: 'signed_in'; operator: { id: string; name: string; role: OperatorRow['role'] } }
  | { outcome: 'signed_out'; operator: { id: string; name: string } }
  | { outcome: 'pin_needed'; operator: { id: string; name: string; role: OperatorRow['role'] } };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The sign-in of one station: who is at this PC (a projection of `operator.signed_in/out`, so it
 * survives a restart and replicates), when they last did something, and the principal `invoke()`
 * checks each channel's role against.
 *
 * Idle time is measured on `now` (real elapsed time by default), not on the warehouse clock: a
 * person walking away is real time, and a test clock moved a week ahead must not sign anyone out.
 */
export class StationSessions {
  private lastCall = 0;
  /** Unknown badges in a row at this station: more than 10 within a minute pauses sign-in for a minute. */
  private unknown: number[] = [];
  /** What the sign-in screen tells whoever comes next (a supervisor's override was done), until someone signs in. */
  notice: string | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.lastCall = now();
  }

  /** The operator signed in here, or null (also when the idle time ran out: then they are signed out). */
  current(): OperatorRow | null {
    const r = reader(this.ctx);
    const s = r.session(this.ctx.stationId);
    if (!s) return null;
    const op = r.byId(s.operatorId);
    if (!op?.active) return null;
    if (this.idleExpired()) {
      this.write(op.id, (emit) =>
        emit({ type: 'operator.signed_out', subject: op.id, payload: { operatorId: op.id, stationId: this.ctx.stationId, reason: 'idle' } }),
      );
      return null;
    }
    return op;
  }

  since(): string | null {
    return reader(this.ctx).session(this.ctx.stationId)?.since ?? null;
  }

  idleExpired(): boolean {
    const mins = signInSettings(this.ctx).idleMinutes;
    return mins > 0 && this.now() - this.lastCall > mins * 60_000;
  }

  /** Seconds left before idle sign-out (null: never). */
  idleLeft(): number | null {
    const mins = signInSettings(this.ctx).idleMinutes;
    return mins > 0 ? Math.max(0, Math.round((mins * 60_000 - (this.now() - this.lastCall)) / 1000)) : null;
  }

  /** Called by the idle watch: sign the operator out once the site's idle time has run out. */
  sweep(): void {
    if (reader(this.ctx).session(this.ctx.stationId)) this.current();
  }

  /** The principal of a call, for `invoke()`. */
  principal(caller: Caller): Acting | null {
    if (caller.kind === 'system') return { actor: caller.name, name: caller.name, role: 'admin' };
    if (caller.kind === 'token') {
      const t = reader(this.ctx).tokenByHash(sha256(caller.token));
      return t ? { actor: `token:${t.name}`, name: `${t.name} (API token)`, role: t.role } : null;
    }
    const op = this.current();
    return op && { actor: op.id, name: op.name, role: op.role };
  }

  /**
   * A person used this console (a key, a touch, a scan: the screen reports it, at most every few
   * seconds). Screens refresh themselves on timers, so calls alone are no sign of anyone there.
   */
  activity(): void {
    if (!this.idleExpired()) this.lastCall = this.now();
  }

  /**
   * A badge scanned (or an operator id typed) with or without a PIN. The badge of whoever is signed
   * in signs them out; another badge switches operators in one scan.
   */
  async signIn(input: { code: string; pin?: string }): Promise<SignInOutcome> {
    const r = reader(this.ctx);
    const code = input.code.trim();
    const byBadge = r.byBadge(code.toUpperCase());
    const op = byBadge ?? r.byId(code.toLowerCase());
    if (!op) {
      const t = this.now();
      this.unknown = [...this.unknown.filter((x) => t - x < 60_000), t];
      this.refuse(null, 'unknown_badge');
      if (this.unknown.length > 10)
        throw new ApiError('FORBIDDEN', 'Too many unknown badges at this station: sign-in pauses for a minute. Check the badge, then scan it again.');
      throw new ApiError('NOT_FOUND', `"${code}" is no badge or operator here. Scan your own badge; a new badge comes from a supervisor (Setup → Operators).`);
    }
    if (!op.active) {
      this.refuse(op.id, 'disabled');
      throw new ApiError('FORBIDDEN', `${op.name} is disabled on this site. Ask a supervisor.`);
    }
    this.checkLock(op);
    const here = r.session(this.ctx.stationId);
    if (byBadge && !input.pin && here?.operatorId === op.id && !this.idleExpired()) {
      this.write(op.id, (emit) =>
        emit({ type: 'operator.signed_out', subject: op.id, payload: { operatorId: op.id, stationId: this.ctx.stationId, reason: 'badge' } }),
      );
      return { outcome: 'signed_out', operator: { id: op.id, name: op.name } };
    }
    const pinRequired = needsPin(op.role) || !byBadge;
    if (pinRequired && !op.hasPin) {
      this.refuse(op.id, 'pin_missing');
      throw new ApiError('FORBIDDEN', `${op.name} has no PIN: scan the badge instead.`);
    }
    if ((pinRequired || input.pin) && !input.pin) return { outcome: 'pin_needed', operator: { id: op.id, name: op.name, role: op.role } };
    if (input.pin) {
      const ok = await verifyPin(input.pin, r.pinHash(op.id) ?? '');
      const now = r.byId(op.id)!;
      this.checkLock(now);
      if (!ok) {
        this.refuse(op.id, 'wrong_pin');
        const after = r.byId(op.id)!;
        if (lockedNow(after, this.ctx.clock.now())) this.lockedError(after);
        const left = signInSettings(this.ctx).maxFailures - after.failures;
        throw new ApiError('UNAUTHORIZED', `Wrong PIN for ${op.name}: ${left} ${left === 1 ? 'try' : 'tries'} left before the badge is locked. Type it again.`);
      }
    }
    const via = byBadge ? (input.pin ? 'badge+pin' : 'badge') : 'pin';
    this.lastCall = this.now();
    this.write(op.id, (emit) => {
      const cur = reader(this.ctx).session(this.ctx.stationId);
      if (cur && cur.operatorId !== op.id)
        emit({
          type: 'operator.signed_out',
          subject: cur.operatorId,
          payload: { operatorId: cur.operatorId, stationId: this.ctx.stationId, reason: 'switch' },
        });
      const replaced = cur && cur.operatorId !== op.id ? { replaced: cur.operatorId } : {};
      emit({ type: 'operator.signed_in', subject: op.id, payload: { operatorId: op.id, stationId: this.ctx.stationId, via, ...replaced } });
    });
    this.notice = null;
    return { outcome: 'signed_in', operator: { id: op.id, name: op.name, role: op.role } };
  }

  /**
   * A supervisor's override at a bench is a one-off. Once it is done, the bench goes back to the operator
   * whose session the supervisor's sign-in took over here (signed in again, `via: 'handback'`), if they
   * may still sign in and the switch was within the idle time; else the station signs the supervisor
   * out and its sign-in screen asks for a badge. A supervisor who signed in at a free station stays.
   */
  handBack(supervisorId: string): { supervisor: string; operator: { id: string; name: string } | null; message: string } | null {
    const r = reader(this.ctx);
    const here = r.session(this.ctx.stationId);
    if (here?.operatorId !== supervisorId) return null;
    const signedIn = this.ctx.store.read.events
      .list({ subject: supervisorId, since: here.since })
      .filter((e): e is StoredEvent<'operator.signed_in'> => e.type === 'operator.signed_in')
      .filter((e) => e.payload.stationId === this.ctx.stationId)
      .pop();
    const replacedId = signedIn?.payload.replaced;
    if (!replacedId) return null;
    const supervisor = r.byId(supervisorId)?.name ?? supervisorId;
    const prev = r.byId(replacedId);
    const now = this.ctx.clock.now();
    const idle = signInSettings(this.ctx).idleMinutes;
    const recent = idle === 0 || now.getTime() - Date.parse(here.since) <= idle * 60_000;
    const back = prev?.active && !lockedNow(prev, now) && recent ? prev : null;
    this.write(supervisorId, (emit) => {
      emit({ type: 'operator.signed_out', subject: supervisorId, payload: { operatorId: supervisorId, stationId: this.ctx.stationId, reason: 'override' } });
      if (back) emit({ type: 'operator.signed_in', subject: back.id, payload: { operatorId: back.id, stationId: this.ctx.stationId, via: 'handback' } });
    });
    this.lastCall = this.now();
    if (back)
      return { supervisor, operator: { id: back.id, name: back.name }, message: `${supervisor}’s override is done: the bench is ${back.name}’s again.` };
    const who = prev?.active ? `${prev.name}, scan your badge` : 'Scan your badge';
    this.notice = `${supervisor}’s override is done and ${supervisor} is signed out. ${who} to go on at the bench.`;
    return { supervisor, operator: null, message: this.notice };
  }

  signOut(): { operator: { id: string; name: string } | null } {
    const s = reader(this.ctx).session(this.ctx.stationId);
    if (!s) return { operator: null };
    const op = reader(this.ctx).byId(s.operatorId);
    this.write(s.operatorId, (emit) =>
      emit({ type: 'operator.signed_out', subject: s.operatorId, payload: { operatorId: s.operatorId, stationId: this.ctx.stationId, reason: 'button' } }),
    );
    return { operator: { id: s.operatorId, name: op?.name ?? s.operatorId } };
  }

  private checkLock(op: OperatorRow): void {
    if (!lockedNow(op, this.ctx.clock.now())) return;
    this.refuse(op.id, 'locked');
    this.lockedError(op);
  }

  private lockedError(op: OperatorRow): never {
    const site = siteInfo(this.ctx);
    const until = whenOf(op.lockedUntil!, { zone: site.zone, clock: site.clock ?? '24h' }, this.ctx.clock.now().getTime());
    throw new ApiError(
      'FORBIDDEN',
      `${op.name} is locked after ${op.failures} wrong PINs, until ${until}. A supervisor can unlock now (Setup → Operators); a ${ROLE_LABEL[op.role]} never shares a PIN.`,
    );
  }

  private refuse(operatorId: string | null, reason: 'wrong_pin' | 'locked' | 'unknown_badge' | 'disabled' | 'pin_missing'): void {
    this.write(operatorId ?? 'sign-in', (emit) =>
      emit({ type: 'operator.signin_refused', subject: operatorId, payload: { operatorId, stationId: this.ctx.stationId, reason } }),
    );
  }

  private write(actor: string, fn: Parameters<ServiceContext['store']['write']>[2]): void {
    this.ctx.store.write(actor, this.ctx.clock.now(), fn);
  }
}
