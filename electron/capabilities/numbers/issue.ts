import { z } from 'zod';
import type { NumberSource } from '../../../db/event-types';
import { isIsoCountry } from '../../core/countries';
import { dhl10CheckDigit, fedex12CheckDigit, mod10CheckDigit, s10CheckDigit, ups1zCheckDigit } from './formats';

/** What a line gives for the next parcel: a number and where it came from, or nothing left. */
export type Issued = { number: string; source: NumberSource } | { empty: true };

export type RangeParams =
  | { format: 's10'; serviceIndicator: string; country: string }
  | { format: 'ups1z'; shipper: string; service: string }
  | { format: 'fedex12'; prefix?: string }
  | { format: 'impb'; prefix: string }
  | { format: 'dhl10'; prefix?: string };

const letters2 = (what: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: `${what} must be 2 letters` });

// Each prefix must leave room for at least one serial digit.
const digitPrefix = (what: string, maxLength: number) =>
  z
    .string()
    .trim()
    .regex(/^\d*$/, { error: `${what} prefix must contain digits only` })
    .max(maxLength, { error: `${what} prefix must be at most ${maxLength} digits` });

export const rangeParamsSchema = z.discriminatedUnion(
  'format',
  [
    z.object({
      format: z.literal('s10'),
      serviceIndicator: letters2('S10 service indicator'),
      country: letters2('S10 country code').refine(isIsoCountry, {
        error: 'S10 country code must be an ISO 3166-1 country code of the postal operator, e.g. CN or GB',
      }),
    }),
    z.object({
      format: z.literal('ups1z'),
      shipper: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{6}$/, { error: 'UPS shipper number must be 6 letters or digits' }),
      service: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{2}$/, { error: 'UPS service code must be 2 letters or digits' }),
    }),
    z.object({ format: z.literal('fedex12'), prefix: digitPrefix('FedEx', 10).optional() }),
    z.object({
      format: z.literal('impb'),
      // 22-digit IMpb numbers are only recognized with a service banner, so the prefix must carry it.
      prefix: digitPrefix('USPS IMpb', 20).regex(/^9[2-5]/, {
        error: 'USPS IMpb prefix must start with the 92, 93, 94 or 95 service banner',
      }),
    }),
    z.object({ format: z.literal('dhl10'), prefix: digitPrefix('DHL Express', 8).optional() }),
  ],
  { error: 'format must be one of s10, ups1z, fedex12, impb, dhl10' },
);

function parseParams(p: RangeParams): RangeParams {
  const parsed = rangeParamsSchema.safeParse(p);
  if (!parsed.success) {
    throw new RangeError(`invalid range: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

function width(p: RangeParams): number {
  switch (p.format) {
    case 's10':
      return 8;
    case 'ups1z':
      return 7;
    case 'fedex12':
      return 11 - (p.prefix ?? '').length;
    case 'impb':
      return 21 - p.prefix.length;
    case 'dhl10':
      return 9 - (p.prefix ?? '').length;
  }
}

/** Number of serial digits a range provides. Throws RangeError on invalid params. */
export function serialWidth(p: RangeParams): number {
  return width(parseParams(p));
}

/** Builds the full tracking number (with check digit) for one serial of a carrier-allocated range. */
export function numberFromSerial(p: RangeParams, serial: number): string {
  const params = parseParams(p);
  const w = width(params);
  if (!Number.isSafeInteger(serial) || serial < 0) {
    throw new RangeError(`serial must be a non-negative integer, got ${serial}`);
  }
  const digits = String(serial).padStart(w, '0');
  if (digits.length > w) {
    throw new RangeError(`serial ${serial} does not fit in the ${w} serial digits of this ${params.format} range`);
  }
  switch (params.format) {
    case 's10':
      return `${params.serviceIndicator}${digits}${s10CheckDigit(digits)}${params.country}`;
    case 'ups1z': {
      const body = `${params.shipper}${params.service}${digits}`;
      return `1Z${body}${ups1zCheckDigit(body)}`;
    }
    case 'fedex12': {
      const body = `${params.prefix ?? ''}${digits}`;
      return `${body}${fedex12CheckDigit(body)}`;
    }
    case 'impb': {
      const body = `${params.prefix}${digits}`;
      return `${body}${mod10CheckDigit(body)}`;
    }
    case 'dhl10': {
      const body = `${params.prefix ?? ''}${digits}`;
      return `${body}${dhl10CheckDigit(body)}`;
    }
  }
}
