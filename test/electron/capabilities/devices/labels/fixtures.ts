import type { LabelModel } from '../../../../../electron/capabilities/devices/labels/model';

export const TRACKING_NUMBERS = [
  '1Z999AA10123456784', // UPS-like, 18 chars, mixed
  'LX123456785CN', // UPU S10, 13 chars
  '123456789012', // 12 digits
  '9205590164917312345671', // 22 digits (USPS-like)
  '1234567890', // 10 digits
  'JD014600006281230581AB', // 22 chars, not all digits: narrower modules
];

export function sampleLabel(overrides: Partial<LabelModel> = {}): LabelModel {
  return {
    trackingNumber: '1Z999AA10123456784',
    carrierName: 'UPS',
    lineName: 'UPS Standard EU',
    service: 'Standard',
    orderName: '#1001',
    parcelId: 'P-000123',
    shipDate: '2025-03-14',
    shipTo: {
      name: 'Zoë Müller',
      company: 'Käse & Wurst GmbH',
      address1: 'Hauptstraße 12a',
      address2: 'Hinterhaus, 3. OG',
      city: 'München',
      province: 'BY',
      zip: '80331',
      country: 'DE',
      phone: '+49 89 123456',
    },
    shipFrom: { name: 'Firstscan Warehouse', address1: 'Unit 4, Dock Road', city: 'Felixstowe', zip: 'IP11 3XX', country: 'GB' },
    weightKg: 1.234,
    reference: 'PO-7781',
    ...overrides,
  };
}
