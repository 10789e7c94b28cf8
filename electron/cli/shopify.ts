import { resolve } from 'node:path';
import { startShopifyEmulator } from '../capabilities/shopify/emulator';
import type { Plan } from '../capabilities/shopify/emulator/model';

const PLANS: Plan[] = ['standard', 'advanced', 'plus', 'enterprise'];

/**
 * `shopify emulate`: the Shopify Admin GraphQL emulator alone, for any Shopify client. Prints the
 * shop URL and a demo access token, and runs until SIGINT/SIGTERM. With `--state <file>` its orders,
 * fulfillments and events are kept in that file across runs.
 */
export async function shopifyEmulate(v: { port?: string; plan?: string; faults?: string; orders?: string; state?: string }): Promise<number> {
  const plan = (v.plan ?? 'standard') as Plan;
  if (!PLANS.includes(plan)) {
    console.error(`--plan must be one of ${PLANS.join(', ')}`);
    return 2;
  }
  const faults = v.faults === undefined ? 0 : Number(v.faults);
  const orders = v.orders === undefined ? 25 : Number(v.orders);
  if (!(faults >= 0 && faults <= 1) || !Number.isInteger(orders) || orders < 0) {
    console.error('--faults is a rate from 0 to 1 (e.g. 0.2); --orders a whole number.');
    return 2;
  }
  const statePath = v.state ? resolve(v.state) : undefined;
  const emu = await startShopifyEmulator({ port: v.port ? Number(v.port) : 0, plan, faults, orders, statePath });
  const held = emu.state.counts();
  console.log(`Shopify emulator (${plan} plan, ${held.openFulfillmentOrders} open orders, faults ${faults})`);
  if (statePath)
    console.log(
      `  state:        ${statePath} (${emu.restored ? `loaded: ${held.orders} orders, ${held.fulfillments} fulfillments` : 'new'}; saved as it changes)`,
    );
  console.log(`  shop URL:     ${emu.url}  (shop domain ${emu.shopDomain})`);
  console.log(`  GraphQL:      ${emu.graphqlUrl('2026-07')}`);
  console.log(`  access token: ${emu.accessToken}`);
  console.log('  Send X-Shopify-Access-Token with every request. Ctrl+C stops it.');
  const stop = async () => {
    await emu.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return -1;
}
