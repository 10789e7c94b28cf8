// Step 6 of the domain article (docs/domain/partner-questions.md): hand the tracking into the merchant's
// own branded page (its site, AfterShip, 17TRACK, ParcelPanel...), never lock them into ours.
import type { LineData } from '../../../db/event-types';
import { actorOf, type ServiceContext } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { trackingUrl } from './lanes';

export interface TrackingPage {
  /** `https://track.example.com/{number}`; also `{carrier}` and `{order}`. Null: the carrier's own page. */
  template: string | null;
  /** The tracking URL sent to Shopify is this page (else the carrier's). */
  useInShopify: boolean;
  /** Milestones the monitor knows go to Shopify as fulfillment events. */
  milestones: boolean;
}

export const DEFAULT_PAGE: TrackingPage = { template: null, useInShopify: false, milestones: true };

export function trackingPageOf(ctx: ServiceContext, storeId: string): TrackingPage {
  return { ...DEFAULT_PAGE, ...(ctx.store.read.settings.get<TrackingPage>(`shopify:${storeId}`, 'tracking_page') ?? {}) };
}

/** The branded page's URL for a parcel. */
export function brandedUrl(template: string, number: string, carrier: string, orderName: string): string {
  return template
    .replaceAll('{number}', encodeURIComponent(number))
    .replaceAll('{carrier}', encodeURIComponent(carrier))
    .replaceAll('{order}', encodeURIComponent(orderName.replace(/^#/, '')));
}

/** Where a buyer follows this parcel in the messages the console writes: the store's branded page if it has one, else the carrier's. */
export function buyerTrackingUrl(ctx: ServiceContext, orderId: string, line: Pick<LineData, 'trackingUrl' | 'carrier'>, number: string): string {
  const link = ctx.store.read.shopify.link(orderId);
  const page = link ? trackingPageOf(ctx, link.storeId) : null;
  const order = ctx.store.read.orders.get(orderId);
  return page?.template ? brandedUrl(page.template, number, line.carrier, order?.name ?? '') : trackingUrl(line.trackingUrl, number);
}

/** The URL sent to Shopify with a fulfillment's tracking: the branded page only where the merchant chose it. */
export function shopifyTrackingUrl(
  ctx: ServiceContext,
  storeId: string,
  orderName: string,
  line: Pick<LineData, 'trackingUrl' | 'carrier'>,
  number: string,
): string {
  const page = trackingPageOf(ctx, storeId);
  return page.template && page.useInShopify ? brandedUrl(page.template, number, line.carrier, orderName) : trackingUrl(line.trackingUrl, number);
}

export function saveTrackingPage(ctx: ServiceContext, input: { storeId: string } & TrackingPage): TrackingPage {
  if (!ctx.store.read.shopify.store(input.storeId)) throw notFound(`Store ${input.storeId}`, 'Connect it on the Sync screen first.');
  const template = input.template?.trim() || null;
  if (template) {
    if (!template.includes('{number}'))
      throw badInput('The page address needs {number} where the tracking number goes, e.g. https://yourstore.com/apps/track?n={number}.');
    let url: URL;
    try {
      url = new URL(brandedUrl(template, 'LX123456785CN', 'China Post', '1001'));
    } catch {
      throw badInput(`"${template}" is not a web address. Start it with https://.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('The tracking page must be a web address (https://…).');
  }
  if (!template && input.useInShopify) throw badInput('Set the page address before sending it to Shopify, or leave "send to Shopify" off.');
  const page = { template, useInShopify: input.useInShopify, milestones: input.milestones };
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'shopify.tracking_page_set', subject: null, payload: { storeId: input.storeId, ...page } }),
  );
  return trackingPageOf(ctx, input.storeId);
}
