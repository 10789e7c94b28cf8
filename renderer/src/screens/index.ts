import type { ComponentType } from 'react';
import { ExceptionsScreen } from './Exceptions';
import { SupportScreen } from './Support';
import { PickScreen } from './Pick';
import { ParcelsScreen } from './Parcels';
import { SetupScreen } from './Setup';
import { SyncScreen } from './Sync';
import { DispatchScreen } from './Dispatch';
import { SupervisorScreen } from './Supervisor';
import { DevicesScreen } from './Devices';
import { SiteScreen } from './Site';

/** The console's screens, in tab order; each capability adds its own line. F-keys follow the order. */
export const screens: Array<{ id: string; label: string; component: ComponentType }> = [
  { id: 'pick', label: 'Pick', component: PickScreen },
  { id: 'parcels', label: 'Parcels', component: ParcelsScreen },
  { id: 'setup', label: 'Setup', component: SetupScreen },
  { id: 'sync', label: 'Sync', component: SyncScreen },
  { id: 'dispatch', label: 'Dispatch', component: DispatchScreen },
  { id: 'supervisor', label: 'Supervisor', component: SupervisorScreen },
  { id: 'devices', label: 'Devices', component: DevicesScreen },
  { id: 'exceptions', label: 'Exceptions', component: ExceptionsScreen },
  { id: 'support', label: 'Support', component: SupportScreen },
  { id: 'site', label: 'Site', component: SiteScreen },
];
