import type { JobPlanner, PickGate } from './planners';
import type { Store } from '../../db/store';
import type { Clock } from './clock';
import type { AddressData } from '../../db/event-types';
import { defaultWedgeSettings } from '../../native/scanners/wedge';
import { acting } from './acting';

export interface SiteInfo {
  name: string;
  zone: string;
  shipFrom: AddressData;
  /** How screens and labels show times; 24-hour unless the site chose otherwise. */
  clock?: '24h' | '12h';
}

export interface StationSettings {
  name: string;
  printerId: string | null;
  scanner: typeof defaultWedgeSettings;
}

/** What every service needs: the store, the clock, and who/where this station is. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  stationId: string;
  /** Side effects a pick implies, planned by the app's capabilities (printing, Shopify, ...). */
  pickPlanners?: readonly JobPlanner[];
  /** Flows an order scanned at pick may be taken to (the pack bench), before any number is issued. */
  pickGates?: readonly PickGate[];
}

export function siteInfo(ctx: ServiceContext): SiteInfo {
  return (
    ctx.store.read.settings.get<SiteInfo>('site', 'site') ?? {
      name: 'Unnamed site',
      zone: 'UTC',
      shipFrom: { name: 'Warehouse', address1: '-', city: '-', zip: '-', country: 'XX' },
    }
  );
}

export function stationSettings(ctx: ServiceContext): StationSettings {
  const s = ctx.store.read.settings.scope(ctx.stationId);
  return {
    name: (s.name as string) ?? ctx.stationId,
    printerId: (s.printerId as string | null) ?? null,
    scanner: { ...defaultWedgeSettings, ...((s.scanner as object) ?? {}) },
  };
}

/**
 * Who the current call acts for: the operator signed in at this station (or the integrator's token)
 * that `invoke()` checked. Outside a call (a service run straight from a test or by the station itself)
 * it is the system actor `station`.
 */
export function actorOf(_ctx: ServiceContext): string {
  return acting()?.actor ?? 'station';
}
