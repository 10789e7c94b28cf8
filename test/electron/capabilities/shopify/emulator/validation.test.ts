import { describe, expect, it } from 'vitest';
import { harness, pair } from './helpers';

describe('document and variable validation like Shopify', () => {
  const ev = pair('2026-04-fulfillment-event-create-validation.json');

  it('an undefined field gives undefinedField with the captured message, path and extensions', async () => {
    const { run } = harness();
    const r = await run(ev.userErrorCodeSelection.query, ev.userErrorCodeSelection.variables);
    const captured = ev.userErrorCodeSelection.response.errors[0];
    const got = (r.body.errors as any[])[0];
    expect(r.status).toBe(200);
    expect(got.message).toBe(captured.message);
    expect(got.path).toEqual(captured.path);
    expect(got.extensions).toEqual(captured.extensions);
    expect(got.locations).toEqual(captured.locations);
    expect(r.body.data).toBeUndefined();
  });

  it('an invalid enum in a variable gives INVALID_VARIABLE with the captured message and problems', async () => {
    const { run } = harness();
    const r = await run(ev.invalidStatusVariable.query, ev.invalidStatusVariable.variables);
    const captured = ev.invalidStatusVariable.response.errors[0];
    const got = (r.body.errors as any[])[0];
    expect(got.message).toBe(captured.message);
    expect(got.extensions).toEqual(captured.extensions);
  });

  it('a missing required variable and a type mismatch are refused before running', async () => {
    const { run, state } = harness();
    const before = state.counts();
    const missing = await run('query Q($id: ID!) { order(id: $id) { id } }', {});
    expect((missing.body.errors as any[])[0]).toMatchObject({
      message: 'Variable $id of type ID! was provided invalid value',
      extensions: { code: 'INVALID_VARIABLE', problems: [{ path: [], explanation: 'Expected value to not be null' }] },
    });
    const mismatch = await run('query Q($id: String!) { order(id: $id) { id } }', { id: 'x' });
    expect((mismatch.body.errors as any[])[0]).toMatchObject({
      message: 'Type mismatch on variable $id and argument id (String! / ID!)',
      extensions: { code: 'variableMismatch', variableName: 'id', argumentName: 'id' },
    });
    const literal = await run('{ fulfillmentOrders(first: "ten") { nodes { id } } }');
    expect((literal.body.errors as any[])[0]).toMatchObject({ extensions: { code: 'argumentLiteralsIncompatible', argumentName: 'first' } });
    expect(state.counts()).toEqual(before);
  });
});
