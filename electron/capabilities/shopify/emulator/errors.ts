/**
 * Validation and request errors in Shopify's wording and shape (message, locations, path,
 * extensions.code such as undefinedField, argumentLiteralsIncompatible, variableMismatch).
 */
import { Kind, type ASTNode, type DocumentNode, type GraphQLError, type SelectionSetNode } from 'graphql';

export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Shopify-style path to an AST node: ["query Name", field, field, argument?]. */
export function pathTo(doc: DocumentNode, target: ASTNode | undefined): (string | number)[] | undefined {
  if (!target?.loc) return undefined;
  const start = target.loc.start;
  const walkSel = (sel: SelectionSetNode | undefined, trail: string[]): string[] | undefined => {
    if (!sel) return undefined;
    for (const s of sel.selections) {
      if (!s.loc || start < s.loc.start || start >= s.loc.end) continue;
      if (s.kind === Kind.FIELD) {
        const here = [...trail, s.name.value];
        if (s.loc.start === start) return here;
        for (const a of s.arguments ?? []) if (a.loc && start >= a.loc.start && start < a.loc.end) return [...here, a.name.value];
        return walkSel(s.selectionSet, here) ?? here;
      }
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const here = [...trail, `... on ${s.typeCondition?.name.value ?? ''}`.trim()];
        return walkSel(s.selectionSet, here) ?? here;
      }
      return [...trail, `... ${s.name.value}`];
    }
    return undefined;
  };
  for (const d of doc.definitions) {
    if (!d.loc || start < d.loc.start || start >= d.loc.end) continue;
    if (d.kind === Kind.OPERATION_DEFINITION) {
      const label = d.name ? `${d.operation} ${d.name.value}` : d.operation;
      return walkSel(d.selectionSet, [label]) ?? [label];
    }
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      const label = `fragment ${d.name.value}`;
      return walkSel(d.selectionSet, [label]) ?? [label];
    }
  }
  return undefined;
}

function argumentNameAt(doc: DocumentNode, node: ASTNode | undefined): string | undefined {
  const path = pathTo(doc, node);
  return path ? String(path[path.length - 1]) : undefined;
}

function base(e: GraphQLError, doc: DocumentNode, node?: ASTNode): Pick<ShopifyError, 'locations' | 'path'> {
  const out: Pick<ShopifyError, 'locations' | 'path'> = {};
  if (e.locations?.length) out.locations = e.locations.slice(0, 1).map(({ line, column }) => ({ line, column }));
  const p = pathTo(doc, node ?? e.nodes?.[0]);
  if (p) out.path = p;
  return out;
}

/** Converts one graphql-js validation error into Shopify's wording. */
export function toShopifyValidationError(e: GraphQLError, doc: DocumentNode): ShopifyError {
  const msg = e.message;
  let m: RegExpExecArray | null;
  if ((m = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(msg))) {
    return {
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      ...base(e, doc),
      extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] },
    };
  }
  if ((m = /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"/.exec(msg))) {
    return {
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      ...base(e, doc),
      extensions: { code: 'argumentNotAccepted', name: m[3], typeName: 'Field', argumentName: m[1] },
    };
  }
  if ((m = /^Field "([^".]+)\.([^"]+)" argument "([^"]+)" of type "([^"]+)" is required/.exec(msg))) {
    return {
      message: `Field '${m[2]}' is missing required arguments: ${m[3]}`,
      ...base(e, doc),
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: m[2], arguments: m[3] },
    };
  }
  if ((m = /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/.exec(msg))) {
    const argumentName = argumentNameAt(doc, e.nodes?.[1]) ?? '';
    return {
      message: `Type mismatch on variable $${m[1]} and argument ${argumentName} (${m[2]} / ${m[3]})`,
      ...base(e, doc, e.nodes?.[1]),
      extensions: { code: 'variableMismatch', variableName: m[1], typeName: m[2], argumentName, errorMessage: 'Type mismatch' },
    };
  }
  if (
    (m = /^(?:Int|Float|String|Boolean|ID) cannot represent [^:]*: (.*)$/.exec(msg)) ||
    (m = /^Expected value of type "([^"]+)", found (.*?)(?:;.*)?$/.exec(msg)) ||
    (m = /^Enum "([^"]+)" cannot represent non-enum value: (.*?)\./.exec(msg)) ||
    (m = /^Value "([^"]+)" does not exist in "([^"]+)" enum/.exec(msg))
  ) {
    const argumentName = argumentNameAt(doc, e.nodes?.[0]) ?? '';
    const path = pathTo(doc, e.nodes?.[0]) ?? [];
    const fieldName = String(path.length >= 2 ? path[path.length - 2] : '');
    const expected =
      /type "([^"]+)"/.exec(msg)?.[1] ??
      /^(Int|Float|String|Boolean|ID)/.exec(msg)?.[1] ??
      /"([^"]+)" enum/.exec(msg)?.[1] ??
      /^Enum "([^"]+)"/.exec(msg)?.[1] ??
      'value';
    const source = e.nodes?.[0]?.loc ? e.nodes[0].loc.source.body.slice(e.nodes[0].loc.start, e.nodes[0].loc.end) : '';
    return {
      message: `Argument '${argumentName}' on Field '${fieldName}' has an invalid value (${source}). Expected type '${expected}'.`,
      ...base(e, doc),
      extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Field', argumentName },
    };
  }
  if ((m = /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?/.exec(msg))) {
    return {
      message: `Variable $${m[1]} is declared by ${m[2] ?? 'anonymous query'} but not used`,
      ...base(e, doc),
      extensions: { code: 'variableNotUsed', variableName: m[1] },
    };
  }
  if ((m = /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?/.exec(msg))) {
    return {
      message: `Variable $${m[1]} is used by ${m[2] ?? 'anonymous query'} but not declared`,
      ...base(e, doc),
      extensions: { code: 'variableNotDefined', variableName: m[1] },
    };
  }
  if ((m = /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/.exec(msg))) {
    return {
      message: `Field must have selections (field '${m[1]}' returns ${m[2].replace(/[![\]]/g, '')} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      ...base(e, doc),
      extensions: { code: 'selectionMismatch', nodeName: `field '${m[1]}'`, typeName: m[2].replace(/[![\]]/g, '') },
    };
  }
  if ((m = /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields/.exec(msg))) {
    return {
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${m[2].replace(/[![\]]/g, '')} but has selections)`,
      ...base(e, doc),
      extensions: { code: 'selectionMismatch', nodeName: `field '${m[1]}'`, typeName: m[2].replace(/[![\]]/g, '') },
    };
  }
  if ((m = /^Unknown type "([^"]+)"/.exec(msg))) {
    return { message: `No such type ${m[1]}, so it can't be a fragment condition`, ...base(e, doc), extensions: { code: 'undefinedType', typeName: m[1] } };
  }
  if ((m = /^Unknown fragment "([^"]+)"/.exec(msg))) {
    return { message: `Fragment ${m[1]} was used, but not defined`, ...base(e, doc), extensions: { code: 'useAndDefineFragment', fragmentName: m[1] } };
  }
  return { message: msg, ...base(e, doc), extensions: { code: 'invalidQuery' } };
}

export function syntaxError(e: GraphQLError): ShopifyError {
  const detail = e.message.replace(/^Syntax Error:\s*/, '');
  return {
    message: `syntax error, ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`,
    locations: e.locations?.map(({ line, column }) => ({ line, column })) ?? [],
  };
}

export const THROTTLED_DOC = 'https://shopify.dev/api/usage/rate-limits';

export function throttledError(): ShopifyError {
  return { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: THROTTLED_DOC } };
}

export function maxCostError(cost: number, max: number): ShopifyError {
  return {
    message: `Query cost is ${cost}, which exceeds the single query max cost limit (${max}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: max },
  };
}

/** Body of Shopify's 401 for a missing or wrong access token. */
export const UNAUTHORIZED_BODY = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };
