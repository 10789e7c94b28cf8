import { describe, expect, it } from 'vitest';
import { flag, json, rowMapper } from '../../../db/core/rows';
import { openSqlite } from '../../../db/core/open';

interface Shipment {
  id: string;
  lineId: string;
  weightGrams: number | null;
  services: string[];
  late: boolean | null;
}

const toShipment = rowMapper<Shipment>({ id: 'id', lineId: 'line_id', weightGrams: 'weight_g', services: json('services'), late: flag('ship_late') });

describe('rowMapper', () => {
  it('renames snake_case columns to the typed fields, parses JSON and 0/1 flags, keeps NULL as null', () => {
    const db = openSqlite({ file: ':memory:' });
    db.exec('CREATE TEMP TABLE t (id TEXT, line_id TEXT, weight_g INTEGER, services TEXT, ship_late INTEGER, extra TEXT)');
    db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)').run('m-1', 'ups', 1250, '["65","07"]', 1, 'not mapped');
    db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)').run('m-2', 'postal', null, null, null, null);
    const rows = (db.prepare('SELECT * FROM t ORDER BY id').all() as Array<Record<string, unknown>>).map(toShipment);
    expect(rows).toEqual([
      { id: 'm-1', lineId: 'ups', weightGrams: 1250, services: ['65', '07'], late: true },
      { id: 'm-2', lineId: 'postal', weightGrams: null, services: null, late: null },
    ]);
    expect(toShipment({ id: 'm-3', line_id: 'ups', weight_g: 0, services: '[]', ship_late: 0 })).toEqual({
      id: 'm-3',
      lineId: 'ups',
      weightGrams: 0,
      services: [],
      late: false,
    });
    db.close();
  });
});
