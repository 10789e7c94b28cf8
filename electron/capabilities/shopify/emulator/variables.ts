/**
 * Checks request variables against the operation's declared types before execution and
 * reports problems the way Shopify does (INVALID_VARIABLE with value and problems[]).
 */
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  print,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ShopifyError } from './errors';

interface Problem {
  path: (string | number)[];
  explanation: string;
}

function check(type: GraphQLInputType, value: unknown, path: (string | number)[], out: Problem[]): void {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) {
      out.push({ path, explanation: 'Expected value to not be null' });
      return;
    }
    check(type.ofType, value, path, out);
    return;
  }
  if (value === null || value === undefined) return;
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => check(type.ofType, v, [...path, i], out));
    else check(type.ofType, value, path, out);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.push({ path, explanation: `Expected ${JSON.stringify(value)} to be a key-value object.` });
      return;
    }
    const fields = type.getFields();
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) if (!fields[k]) out.push({ path: [...path, k], explanation: `Field is not defined on ${type.name}` });
    for (const [k, f] of Object.entries(fields)) check(f.type, obj[k], [...path, k], out);
    return;
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    if (typeof value !== 'string' || !names.includes(value))
      out.push({ path, explanation: `Expected ${JSON.stringify(value)} to be one of: ${names.join(', ')}` });
    return;
  }
  if (isScalarType(type)) {
    const bad = () => out.push({ path, explanation: `Could not coerce value ${JSON.stringify(value)} to ${type.name}` });
    switch (type.name) {
      case 'Int':
        if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2147483647) bad();
        return;
      case 'Float':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad();
        return;
      case 'Boolean':
        if (typeof value !== 'boolean') bad();
        return;
      case 'String':
      case 'ID':
      case 'URL':
      case 'DateTime':
      case 'Date':
      case 'HTML':
      case 'Decimal':
      case 'Money':
        if (typeof value !== 'string' && !(type.name === 'ID' && Number.isInteger(value)) && !(type.name === 'Decimal' && typeof value === 'number')) bad();
        return;
      default:
        return; // JSON and other custom scalars accept any value
    }
  }
}

/** Shopify-shaped errors for invalid variables (empty when they are fine). */
export function variableErrors(schema: GraphQLSchema, op: OperationDefinitionNode, variables: Record<string, unknown>): ShopifyError[] {
  const errors: ShopifyError[] = [];
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const has = Object.prototype.hasOwnProperty.call(variables, name);
    const value = has ? variables[name] : def.defaultValue ? undefined : null;
    if (!has && def.defaultValue) continue;
    const problems: Problem[] = [];
    check(type, value, [], problems);
    if (!problems.length) continue;
    const typeStr = print(def.type);
    const detail = problems.filter((p) => p.path.length).map((p) => `${p.path.join('.')} (${p.explanation})`);
    errors.push({
      message: `Variable $${name} of type ${typeStr} was provided invalid value${detail.length ? ` for ${detail.join(', ')}` : ''}`,
      locations: def.loc ? [{ line: def.loc.startToken.line, column: def.loc.startToken.column }] : [],
      extensions: { code: 'INVALID_VARIABLE', value: value ?? null, problems },
    });
  }
  return errors;
}

export const isVariableNode = (k: string) => k === Kind.VARIABLE;
