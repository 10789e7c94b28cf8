import { createContext, useContext } from 'react';
import type { ChannelName, Output } from '../../../electron/contract/channels';

/** Roles least first, as the contract orders them (electron/contract/roles.ts; the renderer imports types only). */
export type Role = 'picker' | 'dispatch' | 'supervisor' | 'admin';
export type Need = 'anyone' | Role;
const ORDER: Need[] = ['anyone', 'picker', 'dispatch', 'supervisor', 'admin'];
export const ROLE_WORDS: Record<Role, string> = { picker: 'picker', dispatch: 'dispatch lead', supervisor: 'supervisor', admin: 'admin' };
export const can = (have: Role | undefined, need: Need) => ORDER.indexOf(have ?? 'anyone') >= ORDER.indexOf(need);
export const aRole = (r: Role) => (r === 'admin' ? 'an admin' : `a ${ROLE_WORDS[r]}`);

/**
 * The least role of every channel, as the contract declares it (app.info carries the table): the one
 * source for which buttons a screen locks. Until app.info answers nothing is locked (the API still refuses).
 */
let channelRoles: Record<string, Need> = {};
export const setChannelRoles = (roles: Record<string, Need>) => void (channelRoles = roles);
export const needOf = (channel: ChannelName): Need => channelRoles[channel] ?? 'anyone';

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
/** Why the operator may not call `channel` (a short line for a floor screen), or null when they may. */
export function refusalOf(have: Role | undefined, channel: ChannelName): string | null {
  const need = needOf(channel);
  if (can(have, need) || need === 'anyone') return null;
  return `${capital(ROLE_WORDS[need])} only — ask ${aRole(need)} to sign in`;
}

/** For a screen: `why(channel)` is null when the signed-in operator may call it, else the reason to show. */
export function useMay(): (channel: ChannelName) => string | null {
  const me = useContext(OperatorContext);
  return (channel) => refusalOf(me?.role, channel);
}

export type Session = Output<'operators.session'>;
/** The operator signed in at this station (null on the sign-in screen). */
export const OperatorContext = createContext<Session['operator']>(null);
export const useOperator = () => useContext(OperatorContext);

/** The parcel (or order) a timeline asked the Audit screen to open on. */
let auditRef = '';
export const AUDIT_OPEN_EVENT = 'firstscan-open-audit';

/** From a parcel's timeline: open the Audit screen filtered to that parcel (App switches to it). */
export function openAudit(ref: string): void {
  auditRef = ref;
  window.dispatchEvent(new CustomEvent(AUDIT_OPEN_EVENT, { detail: ref }));
}

export function takeAuditRef(): string {
  const r = auditRef;
  auditRef = '';
  return r;
}
