import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { loadSchema } from '../../../../electron/capabilities/shopify/emulator';
import { ALL_DOCUMENTS } from '../../../../electron/capabilities/shopify/documents';

describe('every GraphQL document of the console', () => {
  const { schema } = loadSchema();
  it.each(Object.entries(ALL_DOCUMENTS))('%s validates against the Admin 2026-07 schema', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });

  it('the check fails on a field Shopify does not have', () => {
    const broken = ALL_DOCUMENTS.FULFILLMENT_CREATE.replace('userErrors { field message }', 'userErrors { field message code idempotencyKey }');
    expect(
      validate(schema, parse(broken))
        .map((e) => e.message)
        .join(),
    ).toContain('idempotencyKey');
  });
});
