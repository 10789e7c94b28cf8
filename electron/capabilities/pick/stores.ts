import type { ServiceContext } from '../../core/context';

/**
 * The store's pick-slip barcode: "STORE-" and the store's name in capitals, anything but letters and
 * digits as "-" (Code 128, scannable on every keyboard layout): DEMO STORE -> STORE-DEMO-STORE.
 * Printed on the store's pick slips; scanned when one order number is on orders of several stores.
 */
export function storeBarcode(store: string): string {
  return `STORE-${store
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export function isStoreBarcode(code: string): boolean {
  return /^STORE-[A-Z0-9-]+$/i.test(code.trim());
}

/** The name a picker knows the store by: the Shopify shop's name, or the store name of the order file. */
export function storeName(ctx: ServiceContext, store: string): string {
  return ctx.store.read.shopify.store(store)?.shopName ?? store;
}

/** Every store with orders here, with its name and pick-slip barcode. */
export function pickSlipStores(ctx: ServiceContext): Array<{ store: string; name: string; barcode: string }> {
  return ctx.store.read.orders.stores().map((store) => ({ store, name: storeName(ctx, store), barcode: storeBarcode(store) }));
}
