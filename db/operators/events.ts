import type { JobDraft } from '../event-types';
/** The operator roles, least first (the contract's `Role`: electron/contract/roles.ts checks they agree). */
export type Role = 'picker' | 'dispatch' | 'supervisor' | 'admin';

/** How a station signs operators in and out, and how many wrong PINs lock an operator. */
export interface SignInSettings {
  /** Sign the operator out after this many minutes without a call (0: never). */
  idleMinutes: number;
  /** Wrong PINs in a row that lock the operator. */
  maxFailures: number;
  /** How long a lock lasts (a supervisor can lift it sooner). */
  lockMinutes: number;
}

/** Where supervisor notifications also go: a JSON POST per site, retried through the outbox. */
export interface NotifySettings {
  webhookUrl: string | null;
  /** Raise "exception queue growing" past this many open exceptions. */
  exceptionsOver: number;
}

export type NotifyKind = 'numbers_low' | 'printer_down' | 'cutoff_at_risk' | 'shopify_dead' | 'exceptions_growing';

/**
 * Events of the operators capability (merged into EventMap). A PIN is never in an event: only its
 * scrypt hash (`scrypt$N$r$p$salt$hash`), needed by every station of a site; exports leave it out.
 */
export interface OperatorsEvents {
  'operator.created': { operatorId: string; name: string; role: Role; badge: string; pinHash: string | null };
  'operator.role_changed': { operatorId: string; from: Role; to: Role };
  'operator.renamed': { operatorId: string; name: string };
  'operator.pin_set': { operatorId: string; pinHash: string | null };
  'operator.disabled': { operatorId: string; reason: string };
  'operator.enabled': { operatorId: string };
  /**
   * `replaced`: the operator whose session this sign-in took over at the station (a supervisor called to a
   * bench); `handback`: signed in again by the station when that supervisor's override was done.
   */
  'operator.signed_in': { operatorId: string; stationId: string; via: 'badge' | 'pin' | 'badge+pin' | 'handback'; replaced?: string };
  /** `override`: a supervisor's override at the bench is done (their sign-in there was for it alone). */
  'operator.signed_out': { operatorId: string; stationId: string; reason: 'badge' | 'button' | 'idle' | 'switch' | 'disabled' | 'override' };
  /** A refused sign-in (no PIN in it); `failures` counts wrong PINs in a row for a known operator. */
  'operator.signin_refused': { operatorId: string | null; stationId: string; reason: 'wrong_pin' | 'locked' | 'unknown_badge' | 'disabled' | 'pin_missing' };
  'operator.unlocked': { operatorId: string };
  'operators.settings_saved': { settings: SignInSettings };
  /** An integrator's API token: only its SHA-256 is kept (the token is shown once, at creation). */
  'token.created': { tokenId: string; name: string; role: Role; hash: string };
  'token.revoked': { tokenId: string };
  'notify.settings_saved': { settings: NotifySettings };
  /** A supervisor notification: shown on the desktop, and POSTed to the site's webhook when one is set. */
  'notify.raised': { kind: NotifyKind; key: string; title: string; body: string; screen: string; jobs: JobDraft[] };
}
