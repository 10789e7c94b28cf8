import type { ComponentType } from 'react';
import type { Need } from './operators/roles';
import { ExceptionsScreen } from './monitor/Exceptions';
import { SupportScreen } from './station/Support';
import { PickScreen } from './pick/Pick';
import { ParcelsScreen } from './pick/Parcels';
import { SetupScreen } from './station/Setup';
import { SyncScreen } from './shopify/Sync';
import { DispatchScreen } from './dispatch/Dispatch';
import { SupervisorScreen } from './cutoffs/Supervisor';
import { DevicesScreen } from './devices/Devices';
import { SiteScreen } from './site/Site';
import { AuditScreen } from './operators/Audit';

/**
 * The console's screens, in tab order; each capability adds its own line. F-keys follow the order.
 * `need`: the least role that opens the screen (others see it locked, with who can); `scans`: the
 * screen listens to the scanner itself (elsewhere the app listens, for badges only).
 */
export const screens: Array<{ id: string; label: string; component: ComponentType; need: Need; scans?: boolean }> = [
  { id: 'pick', label: 'Pick', component: PickScreen, need: 'picker', scans: true },
  { id: 'parcels', label: 'Parcels', component: ParcelsScreen, need: 'picker' },
  { id: 'setup', label: 'Setup', component: SetupScreen, need: 'supervisor', scans: true },
  { id: 'sync', label: 'Sync', component: SyncScreen, need: 'picker' },
  { id: 'dispatch', label: 'Dispatch', component: DispatchScreen, need: 'dispatch', scans: true },
  { id: 'supervisor', label: 'Supervisor', component: SupervisorScreen, need: 'supervisor' },
  { id: 'devices', label: 'Devices', component: DevicesScreen, need: 'picker' },
  { id: 'exceptions', label: 'Exceptions', component: ExceptionsScreen, need: 'dispatch' },
  { id: 'support', label: 'Support', component: SupportScreen, need: 'picker' },
  { id: 'site', label: 'Site', component: SiteScreen, need: 'supervisor' },
  { id: 'audit', label: 'Audit', component: AuditScreen, need: 'supervisor' },
];
