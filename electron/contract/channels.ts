import { z } from 'zod';
import type { EventMap, EventType } from '../../db/event-types';
import { stationChannels } from './channels/station';
import { pickChannels } from './channels/pick';
import { linesChannels } from './channels/lines';
import { ordersChannels } from './channels/orders';
import { shopifyChannels } from './channels/shopify';
import { dispatchChannels } from './channels/dispatch';
import { cutoffsChannels } from './channels/cutoffs';
import { monitorChannels } from './channels/monitor';
import { devicesChannels } from './channels/devices';
import { siteChannels } from './channels/site';
import { desktopChannels } from './channels/desktop';
import { backupChannels } from './channels/backup';
import { assessmentChannels } from './channels/assessment';
import { packChannels } from './channels/pack';
import { operatorsChannels } from './channels/operators';

/**
 * THE contract: every channel the console offers, with its input and output. Electron IPC, the
 * HTTP/WebSocket server and the renderer's client are all built from this one table (one file per
 * capability under channels/, merged here).
 */
export const channels = {
  ...stationChannels,
  ...pickChannels,
  ...linesChannels,
  ...ordersChannels,
  ...shopifyChannels,
  ...dispatchChannels,
  ...cutoffsChannels,
  ...monitorChannels,
  ...devicesChannels,
  ...siteChannels,
  ...desktopChannels,
  ...backupChannels,
  ...assessmentChannels,
  ...packChannels,
  ...operatorsChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Input<C extends ChannelName> = z.input<Channels[C]['input']>;
export type Output<C extends ChannelName> = z.output<Channels[C]['output']>;
export const channelNames = Object.keys(channels) as ChannelName[];

/** Server-to-screen pushes (WebSocket in browser mode, webContents.send in Electron). */
export const pushes = {
  'events.appended': z.array(z.object({ type: z.string(), subject: z.string().nullable() })),
  'jobs.changed': z.object({ queued: z.number().int(), dead: z.number().int() }),
  'scanner.scan': z.object({ code: z.string(), symbology: z.string().optional(), device: z.string(), role: z.enum(['pick', 'dispatch', 'off']) }),
  /** The desktop app: a supervisor clicked a notification, open the screen that fixes it. */
  'notice.open': z.object({ screen: z.string() }),
} as const;
export type PushName = keyof typeof pushes;
/** One committed event as screens see it: its type is one of the event map's, so a screen's refresh test is checked by the compiler. */
export type AppendedEvent = { type: EventType; subject: string | null };
export type PushData<P extends PushName> = P extends 'events.appended' ? AppendedEvent[] : z.output<(typeof pushes)[P]>;
export type { EventMap, EventType };
