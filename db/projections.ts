import type { Sqlite } from './core/open';
import type { StoredEvent } from './event-types';
import type { Projector } from './core/types';
import { whileProjecting } from './core/current';
import { settingsProjector } from './station/projector';
import { linesProjector } from './lines/projector';
import { ordersProjector } from './orders/projector';
import { parcelsProjector } from './pick/projector';
import { jobsProjector } from './outbox/projector';
import { shopifyProjector, shopifyTables } from './shopify/projector';
import { dispatchProjector, dispatchTables } from './dispatch/projector';
import { cutoffsProjector, cutoffsTables } from './cutoffs/projector';
import { monitorProjector, monitorTables } from './monitor/projector';
import { devicesProjector, devicesTables } from './devices/projector';
import { siteProjector, siteTables } from './site/projector';
import { counterTables } from './core/counters';
import { backupProjector, backupTables } from './backup/projector';
import { packProjector, packTables } from './pack/projector';
import { operatorsProjector, operatorsTables } from './operators/projector';
import { retentionProjector, retentionTables } from './retention/projector';

const projectors: Projector[] = [
  settingsProjector,
  linesProjector,
  ordersProjector,
  parcelsProjector,
  jobsProjector,
  shopifyProjector,
  dispatchProjector,
  cutoffsProjector,
  monitorProjector,
  devicesProjector,
  backupProjector,
  packProjector,
  operatorsProjector,
  // After the monitor's and the outbox's: it moves their rows (scans reported and jobs done in the same
  // batch of events are projected before it).
  retentionProjector,
  // Last: it checks what the others wrote (an order picked twice, a parcel on two manifests).
  siteProjector,
];

const byType = new Map<string, Array<(db: Sqlite, e: StoredEvent) => void>>();
for (const p of projectors)
  for (const [type, fn] of Object.entries(p)) {
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type)!.push(fn as (db: Sqlite, e: StoredEvent) => void);
  }

/** Apply one event to the current-state tables. Events without a projection only live in the log. */
export function project(db: Sqlite, e: StoredEvent): void {
  const fns = byType.get(e.type);
  if (fns) whileProjecting(e, () => fns.forEach((fn) => fn(db, e)));
}

/**
 * Projection tables, children first (delete order). Columns listed in `runtime` are operational
 * state that is not derived from events and is ignored when comparing a rebuild; `dump` is what a
 * comparison reads when the table alone is not the whole state.
 */
export const projectionTables: Array<{ table: string; runtime?: string[]; dump?: string }> = [
  ...counterTables,
  ...backupTables,
  ...siteTables,
  ...packTables,
  ...operatorsTables,
  ...retentionTables,
  ...monitorTables,
  ...dispatchTables,
  ...shopifyTables,
  ...cutoffsTables,
  ...devicesTables,
  // Kept by triggers on jobs (migration 0026): emptied before them, filled again as the jobs are.
  { table: 'lane_heads' },
  { table: 'jobs', runtime: ['lease_until'] },
  { table: 'parcels' },
  { table: 'order_items' },
  { table: 'orders' },
  { table: 'number_pool' },
  { table: 'number_ranges' },
  { table: 'printers' },
  { table: 'carrier_lines' },
  { table: 'settings' },
];
