import { createRequire } from 'node:module';
import { HID_SCALE_USAGE_PAGE } from './hid-report';
import { hidScaleDevice, type RawPort, type ScaleInfo, type ScaleSource } from './device';

type NodeHid = typeof import('node-hid');

let hidModule: NodeHid | null | undefined;
function nodeHid(): NodeHid | null {
  if (hidModule === undefined) {
    try {
      hidModule = createRequire(import.meta.url)('node-hid') as NodeHid;
    } catch {
      hidModule = null;
    }
  }
  return hidModule;
}

/** USB HID POS scales (usage page 0x8D) through node-hid, in the main process. A machine without node-hid has none. */
export function nodeHidScaleSource(): ScaleSource {
  return {
    async list() {
      const hid = nodeHid();
      if (!hid) return [];
      const out: ScaleInfo[] = [];
      for (const d of await hid.devicesAsync()) {
        if (d.usagePage !== HID_SCALE_USAGE_PAGE || !d.path) continue;
        out.push({
          key: `hid:${(d.vendorId ?? 0).toString(16)}:${(d.productId ?? 0).toString(16)}:${d.serialNumber ?? d.path}`,
          kind: 'hid',
          name: [d.manufacturer, d.product].filter(Boolean).join(' ') || 'USB scale',
          path: d.path,
        });
      }
      return out;
    },
    async open(info) {
      const hid = nodeHid();
      if (!hid) throw new Error('node-hid is not available in this build');
      const handle = await hid.HIDAsync.open(info.path);
      const port: RawPort = {
        on: (event: 'data' | 'error', fn: (x: Buffer & Error) => void) => handle.on(event, fn),
        write: (data: Buffer | number[] | string) => handle.write(typeof data === 'string' ? [...Buffer.from(data)] : [...data]),
        close: () => handle.close(),
      };
      return hidScaleDevice(info, port);
    },
  };
}
