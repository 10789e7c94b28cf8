// `node --import ./register.mjs out/main/index.js`: the built main sees this folder's electron.mjs
// as the `electron` module (a recording stand-in: no Electron binary can be had on build machines).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
