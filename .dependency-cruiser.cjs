/**
 * The architecture rules, checked over the import graph (npm run arch; test/repo/architecture.test.ts runs
 * it inside npm test, and adds the check for cycles between folders). ARCHITECTURE.md states the rules once.
 */

// Capabilities (electron/capabilities/<cap>/) and the capabilities each may import. A new edge is a design
// decision: add it here, with the reason in the commit. The declared edges form no loop (architecture.test.ts).
const capabilityEdges = {
  assessment: ['monitor'],
  // (whether a carrier can be asked for a manifest after a restore comes from the app: backup/jobs.ts CarrierCanLook)
  backup: ['numbers', 'shopify', 'site'],
  cutoffs: [],
  demo: ['cutoffs', 'lines', 'operators'],
  desktop: [],
  devices: ['lines', 'station'],
  // backup: a label of an order held after a restore gets its verdict at Dispatch (backup/held-label.ts).
  dispatch: ['backup', 'cutoffs', 'numbers', 'shopify', 'station'],
  lines: ['devices', 'numbers'],
  monitor: ['shopify'],
  numbers: [],
  operators: ['devices', 'lines'],
  orders: [],
  // devices: the bench queues a parcel's CN23 on the document printer (devices/printing/customs-form).
  pack: ['devices', 'lines', 'pick'],
  // backup: a label of an order held after a restore gets the same verdict at Pick as at Dispatch (backup/held-label.ts).
  pick: ['backup', 'cutoffs', 'devices', 'lines', 'numbers', 'shopify', 'station'],
  shopify: ['demo'],
  site: [],
  station: [],
};

const capabilityRules = Object.entries(capabilityEdges).map(([cap, allowed]) => ({
  name: `capability-edges-${cap}`,
  comment: `electron/capabilities/${cap} may import only these capabilities: ${allowed.join(', ') || 'none'} (declared in .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: `^electron/capabilities/${cap}/` },
  to: {
    path: '^electron/capabilities/([^/]+)/',
    pathNot: [`^electron/capabilities/${cap}/`, ...allowed.map((a) => `^electron/capabilities/${a}/`)],
  },
}));

const everyCapabilityDeclared = {
  name: 'capability-declared',
  comment: 'Every folder of electron/capabilities/ is listed in capabilityEdges of .dependency-cruiser.cjs',
  severity: 'error',
  from: { path: '^electron/capabilities/', pathNot: Object.keys(capabilityEdges).map((c) => `^electron/capabilities/${c}/`) },
  to: {},
};

// Modules of native/ the renderer may run itself: pure, no Node, no devices.
const pureForRenderer = ['^native/scanners/(wedge|selftest|gs1|aim)\\.ts$', '^electron/core/time-format\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-capability',
      comment:
        'electron/core (clock, ids, errors, service context), electron/core/outbox (the outbox runner) and electron/core/secrets import no capability, app, transport or shell',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^electron/(capabilities|app|contract|server|cli|shell)/' },
    },
    {
      name: 'db-kernel-imports-no-capability',
      comment:
        "db/core (open, migrations runner, stmt, the event log, hlc, disk, handle, rows) runs no capability's code (the numbered migrations it runs are SQL only); it may name the event map's types",
      severity: 'error',
      from: { path: '^db/core/' },
      to: { path: ['^db/', '^electron/capabilities/'], pathNot: ['^db/core/', '^db/migrations/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-imports-nothing-from-electron',
      comment: 'db/ is below electron/: schema, migrations, events, projections, readers; it imports nothing from electron/ but kernel types',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^electron/', pathNot: '^electron/core/' },
    },
    {
      name: 'db-kernel-types-only',
      comment: 'db/ may name kernel types, never run kernel code',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^electron/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sqlite-only-in-db',
      comment: 'Only db/ talks to SQLite: services read through store.read.<cap> and write through store.write()',
      severity: 'error',
      from: { path: '^(electron|native|renderer)/' },
      to: { path: '^node_modules/better-sqlite3/' },
    },
    {
      name: 'store-connection-private-to-db',
      comment: "The store's connection (db/core/handle.ts) is reached only from db/; tests and benches may look at tables through it (sqliteOf)",
      severity: 'error',
      from: { pathNot: '^db/' },
      to: { path: '^db/core/handle\\.ts$' },
    },
    {
      name: 'native-is-devices-only',
      comment: 'native/ talks to devices; it imports nothing from electron/ or db/',
      severity: 'error',
      from: { path: '^native/' },
      to: { path: '^(electron|db|renderer)/' },
    },
    {
      name: 'only-the-shell-imports-electron',
      comment: 'Only electron/shell/ imports the electron module (and electron-updater, which loads it)',
      severity: 'error',
      from: { path: '^(electron|db|native|renderer)/', pathNot: '^electron/shell/' },
      to: { path: '^node_modules/(electron|electron-updater)/' },
    },
    {
      name: 'renderer-imports-types-of-the-contract',
      comment: 'The renderer is a view: from the rest of the tree it imports only types of the contract, and the pure scanner detector and time format',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|db|native)/', pathNot: ['^electron/contract/', ...pureForRenderer] },
    },
    {
      name: 'renderer-contract-is-types-only',
      comment: 'The renderer reaches the contract through window.api / the HTTP client, importing only its types',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-modules-stay-pure',
      comment: 'The modules the renderer runs import no Node built-in and nothing outside themselves',
      severity: 'error',
      from: { path: pureForRenderer },
      to: { pathNot: pureForRenderer, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-app-lists-capabilities',
      comment:
        'Transports and the shell reach capabilities through the app (electron/app), never directly; the shell records its own console recoveries through the desktop capability',
      severity: 'error',
      from: { path: '^electron/(server|shell)/' },
      to: { path: '^electron/capabilities/', pathNot: '^electron/capabilities/desktop/' },
    },
    ...capabilityRules,
    everyCapabilityDeclared,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (not followed), so the rules on better-sqlite3 and electron can fire.
    exclude: { path: '^out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
