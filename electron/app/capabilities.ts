import type { Capability } from './capability';
import { stationCapability } from '../capabilities/station/handlers';
import { pickCapability } from '../capabilities/pick/handlers';
import { linesCapability } from '../capabilities/lines/handlers';
import { ordersCapability } from '../capabilities/orders/handlers';
import { printingCapability } from '../capabilities/devices/printing/handlers';
import { shopifyCapability } from '../capabilities/shopify/handlers';
import { dispatchCapability } from '../capabilities/dispatch/handlers';
import { cutoffsCapability } from '../capabilities/cutoffs/handlers';
import { monitorCapability } from '../capabilities/monitor/handlers';
import { scannersCapability } from '../capabilities/devices/handlers';
import { siteCapability } from '../capabilities/site/handlers';
import { desktopCapability } from '../capabilities/desktop/handlers';
import { backupCapability } from '../capabilities/backup/handlers';
import { assessmentCapability } from '../capabilities/assessment/handlers';
import { packCapability } from '../capabilities/pack/handlers';
import { operatorsCapability } from '../capabilities/operators/handlers';

/** Every capability of the console, in start order. */
export const capabilities: Capability[] = [
  stationCapability,
  siteCapability,
  linesCapability,
  ordersCapability,
  pickCapability,
  packCapability,
  printingCapability,
  shopifyCapability,
  dispatchCapability,
  cutoffsCapability,
  monitorCapability,
  scannersCapability,
  desktopCapability,
  backupCapability,
  assessmentCapability,
  operatorsCapability,
];
