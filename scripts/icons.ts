/**
 * `npm run icons`: every icon the installers need, from the one source image
 * electron/shell/resources/icon.svg. Writes icons/<n>x<n>.png (Linux), icon.png (512, the window
 * and electron-builder's default) and icon.ico (Windows: PNG-compressed entries, 16 to 256).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const dir = fileURLToPath(new URL('../electron/shell/resources/', import.meta.url));
const svg = readFileSync(join(dir, 'icon.svg'));

export function renderPng(size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** An ICO file whose images are PNGs (Windows Vista and later read them; 256 is written as 0). */
export function ico(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

function main(): void {
  mkdirSync(join(dir, 'icons'), { recursive: true });
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512];
  const pngs = new Map(sizes.map((s) => [s, renderPng(s)]));
  for (const [s, png] of pngs) writeFileSync(join(dir, 'icons', `${s}x${s}.png`), png);
  writeFileSync(join(dir, 'icon.png'), pngs.get(512)!);
  writeFileSync(join(dir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size)! }))));
  console.log(`icons written to ${dir} (${sizes.join(', ')} px, icon.ico, icon.png)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
