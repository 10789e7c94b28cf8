import type { Capability } from '../capability';
import { stationCapability } from './station';
import { pickCapability } from './pick';
import { linesCapability } from './lines';
import { ordersCapability } from './orders';
import { printingCapability } from './printing';
import { shopifyCapability } from './shopify';
import { dispatchCapability } from './dispatch';
import { cutoffsCapability } from './cutoffs';
import { monitorCapability } from './monitor';
import { hardwareCapability } from './hardware';
import { replicationCapability } from './replication';
import { desktopCapability } from './desktop';
import { backupCapability } from './backup';
import { assessmentCapability } from './assessment';
import { packCapability } from './pack';
import { operatorsCapability } from './operators';

/** Every capability of the console, in start order. */
export const capabilities: Capability[] = [
  stationCapability,
  replicationCapability,
  linesCapability,
  ordersCapability,
  pickCapability,
  packCapability,
  printingCapability,
  shopifyCapability,
  dispatchCapability,
  cutoffsCapability,
  monitorCapability,
  hardwareCapability,
  desktopCapability,
  backupCapability,
  assessmentCapability,
  operatorsCapability,
];
