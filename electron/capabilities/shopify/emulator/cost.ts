/**
 * Query cost per Shopify's model, calibrated on the captured conformance pairs.
 *
 * - scalar / enum / __typename: 0
 * - object, interface, union and plain lists of objects: 1 + the cost of their selection
 *   (interfaces/unions: the maximum over the concrete types selected)
 * - connection (`...Connection` with `nodes`/`edges`): 2 + m(first|last) × (1 + one node's selection);
 *   `pageInfo` and `cursor` are free
 * - mutation root field: 10 (overrides below); the payload's direct object children are free
 * - the multiplier m(n): 'observed' (default) reproduces every requestedQueryCost in the captured
 *   pairs: m(n) = max(1, floor(2·ln n)) (5→3, 10→4, 20→5, 250→11); 'documented' is m(n) = n.
 *
 * Actual cost walks the returned data the same way: null objects cost 0 and connections count the
 * nodes really returned.
 */
import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const MAX_QUERY_COST = 1000;
export const DEFAULT_MUTATION_COST = 10;

/** Root mutation costs observed in the captured pairs (2025-01 / 2026-04). */
export const MUTATION_COST_OVERRIDES: Readonly<Record<string, number>> = {
  fulfillmentTrackingInfoUpdate: 50,
  fulfillmentTrackingInfoUpdateV2: 50,
  fulfillmentCancel: 10,
};

export type ConnectionScaling = 'observed' | 'documented';

export interface CostOptions {
  scaling?: ConnectionScaling;
  mutationOverrides?: Record<string, number>;
}

export function connectionMultiplier(n: number, scaling: ConnectionScaling = 'observed'): number {
  if (!Number.isFinite(n) || n <= 0) return 0;
  if (scaling === 'documented') return Math.floor(n);
  return Math.max(1, Math.floor(2 * Math.log(n)));
}

interface Ctx {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  scaling: ConnectionScaling;
  overrides: Record<string, number>;
}

export function selectOperation(doc: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return ops.find((o) => o.name?.value === operationName);
  return ops.length === 1 ? ops[0] : undefined;
}

function makeCtx(schema: GraphQLSchema, doc: DocumentNode, variables: Record<string, unknown> | undefined, opts: CostOptions): Ctx {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return {
    schema,
    fragments,
    variables: variables ?? {},
    scaling: opts.scaling ?? 'observed',
    overrides: { ...MUTATION_COST_OVERRIDES, ...(opts.mutationOverrides ?? {}) },
  };
}

function argInt(node: ValueNode | undefined, ctx: Ctx): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return parseInt(node.value, 10);
  if (node.kind === Kind.VARIABLE) {
    const v = ctx.variables[node.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

function typeApplies(ctx: Ctx, condition: string | undefined, concrete: GraphQLNamedType): boolean {
  if (!condition || condition === concrete.name) return true;
  const cond = ctx.schema.getType(condition);
  if (cond && isAbstractType(cond) && isObjectType(concrete)) return ctx.schema.isSubType(cond, concrete);
  return false;
}

/** Fields of a selection set that apply to `concrete`, fragments flattened. */
function collectFields(ctx: Ctx, sel: SelectionSetNode, concrete: GraphQLNamedType, out: FieldNode[] = []): FieldNode[] {
  for (const s of sel.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (typeApplies(ctx, s.typeCondition?.name.value, concrete)) collectFields(ctx, s.selectionSet, concrete, out);
    } else {
      const f = ctx.fragments.get(s.name.value);
      if (f && typeApplies(ctx, f.typeCondition.name.value, concrete)) collectFields(ctx, f.selectionSet, concrete, out);
    }
  }
  return out;
}

/** Concrete object types named by fragments inside a selection on an abstract type. */
function candidateTypes(ctx: Ctx, sel: SelectionSetNode, parent: GraphQLCompositeType, acc = new Set<GraphQLNamedType>()): Set<GraphQLNamedType> {
  for (const s of sel.selections) {
    if (s.kind === Kind.FIELD) continue;
    const frag = s.kind === Kind.INLINE_FRAGMENT ? s : ctx.fragments.get(s.name.value);
    if (!frag) continue;
    const name = frag.typeCondition?.name.value;
    const t = name ? ctx.schema.getType(name) : undefined;
    if (t && isObjectType(t)) acc.add(t);
    candidateTypes(ctx, frag.selectionSet, parent, acc);
  }
  return acc;
}

function fieldDef(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (!isObjectType(type) && !('getFields' in type)) return undefined;
  return (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name];
}

function isConnectionType(t: GraphQLNamedType): boolean {
  if (!isObjectType(t) || !t.name.endsWith('Connection')) return false;
  const f = t.getFields();
  return Boolean(f.nodes || f.edges);
}

function unwrapList(t: GraphQLOutputType): boolean {
  const inner = isNonNullType(t) ? t.ofType : t;
  return isListType(inner);
}

// ---------- requested cost ----------

function selectionCostRequested(ctx: Ctx, sel: SelectionSetNode, parent: GraphQLCompositeType, payloadChildrenFree: boolean): number {
  if (isAbstractType(parent)) {
    const cands = candidateTypes(ctx, sel, parent);
    if (cands.size === 0) return fieldsCostRequested(ctx, collectFields(ctx, sel, parent), parent, payloadChildrenFree);
    let max = 0;
    for (const c of cands) max = Math.max(max, fieldsCostRequested(ctx, collectFields(ctx, sel, c), c, payloadChildrenFree));
    return max;
  }
  return fieldsCostRequested(ctx, collectFields(ctx, sel, parent), parent, payloadChildrenFree);
}

function fieldsCostRequested(ctx: Ctx, fields: FieldNode[], parent: GraphQLNamedType, payloadChildrenFree: boolean): number {
  let total = 0;
  for (const f of fields) total += fieldCostRequested(ctx, f, parent, payloadChildrenFree);
  return total;
}

function connectionNodeSelectionRequested(ctx: Ctx, conn: GraphQLNamedType, sel: SelectionSetNode): number {
  let node = 0;
  for (const f of collectFields(ctx, sel, conn)) {
    const name = f.name.value;
    const def = fieldDef(conn, name);
    if (!def || !f.selectionSet) continue;
    if (name === 'nodes') node += selectionCostRequested(ctx, f.selectionSet, getNamedType(def.type) as GraphQLCompositeType, false);
    else if (name === 'edges') {
      const edgeType = getNamedType(def.type);
      for (const ef of collectFields(ctx, f.selectionSet, edgeType)) {
        const edef = fieldDef(edgeType, ef.name.value);
        if (ef.name.value === 'node' && edef && ef.selectionSet) {
          node += selectionCostRequested(ctx, ef.selectionSet, getNamedType(edef.type) as GraphQLCompositeType, false);
        }
      }
    }
  }
  return node;
}

function fieldCostRequested(ctx: Ctx, f: FieldNode, parent: GraphQLNamedType, free: boolean): number {
  const name = f.name.value;
  if (name.startsWith('__') && name !== '__type' && name !== '__schema') return 0;
  const def = name === '__type' ? undefined : fieldDef(parent, name);
  const named = def ? getNamedType(def.type) : name === '__type' ? ctx.schema.getType('__Type') : undefined;
  if (!named || isLeafType(named) || !f.selectionSet) return 0;
  if (name === 'pageInfo') return 0;
  if (isConnectionType(named)) {
    const n =
      argInt(f.arguments?.find((a) => a.name.value === 'first')?.value, ctx) ?? argInt(f.arguments?.find((a) => a.name.value === 'last')?.value, ctx) ?? 0;
    return 2 + connectionMultiplier(n, ctx.scaling) * (1 + connectionNodeSelectionRequested(ctx, named, f.selectionSet));
  }
  if (!isCompositeType(named)) return 0;
  return (free ? 0 : 1) + selectionCostRequested(ctx, f.selectionSet, named, false);
}

/** Requested cost of the operation selected by `operationName` (or the only one). */
export function requestedCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string | null,
  opts: CostOptions = {},
): number {
  const ctx = makeCtx(schema, doc, variables, opts);
  return operationCost(ctx, doc, operationName, (sel, parent, _key, free) => selectionCostRequested(ctx, sel, parent, free));
}

/**
 * The cost of the operation selected by `operationName`: each mutation field at its base cost plus its
 * payload's selection (free of the object's own 1), or a query's selection from its root. `selection`
 * prices one selection, given the response key it answers under (null: the root).
 */
function operationCost(
  ctx: Ctx,
  doc: DocumentNode,
  operationName: string | null | undefined,
  selection: (sel: SelectionSetNode, parent: GraphQLCompositeType, key: string | null, free: boolean) => number,
): number {
  const op = selectOperation(doc, operationName);
  if (!op) return 0;
  if (op.operation === 'mutation') {
    const root = ctx.schema.getMutationType();
    if (!root) return 0;
    let total = 0;
    for (const f of collectFields(ctx, op.selectionSet, root)) {
      if (f.name.value === '__typename') continue;
      const base = ctx.overrides[f.name.value] ?? DEFAULT_MUTATION_COST;
      const def = root.getFields()[f.name.value];
      const payload = def ? getNamedType(def.type) : undefined;
      total += base + (payload && f.selectionSet && isCompositeType(payload) ? selection(f.selectionSet, payload, (f.alias ?? f.name).value, true) : 0);
    }
    return total;
  }
  const root = op.operation === 'query' ? ctx.schema.getQueryType() : ctx.schema.getSubscriptionType();
  return root ? selection(op.selectionSet, root, null, false) : 0;
}

// ---------- actual cost ----------

type Data = Record<string, unknown>;

function selectionCostActual(ctx: Ctx, sel: SelectionSetNode, parent: GraphQLCompositeType, data: Data, free: boolean): number {
  let concrete: GraphQLNamedType = parent;
  if (isAbstractType(parent)) {
    const tn = typeof data.__typename === 'string' ? ctx.schema.getType(data.__typename) : undefined;
    if (tn) concrete = tn;
    else {
      const cands = [...candidateTypes(ctx, sel, parent)];
      concrete = cands.find((c) => collectFields(ctx, sel, c).every((f) => (f.alias ?? f.name).value in data)) ?? parent;
    }
  }
  let total = 0;
  for (const f of collectFields(ctx, sel, concrete)) total += fieldCostActual(ctx, f, concrete, data[(f.alias ?? f.name).value], free);
  return total;
}

function fieldCostActual(ctx: Ctx, f: FieldNode, parent: GraphQLNamedType, value: unknown, free: boolean): number {
  const name = f.name.value;
  if (value === null || value === undefined || !f.selectionSet) return 0;
  if (name.startsWith('__') && name !== '__type' && name !== '__schema') return 0;
  if (name === 'pageInfo') return 0;
  const def = name === '__type' ? undefined : fieldDef(parent, name);
  const named = def ? getNamedType(def.type) : ctx.schema.getType('__Type');
  if (!named || isLeafType(named) || !isCompositeType(named)) return 0;
  if (isConnectionType(named)) {
    const conn = value as Data;
    let nodesCost = 0;
    let count = 0;
    for (const cf of collectFields(ctx, f.selectionSet, named)) {
      const key = (cf.alias ?? cf.name).value;
      const cdef = fieldDef(named, cf.name.value);
      if (!cdef || !cf.selectionSet) continue;
      const list = conn[key];
      if (!Array.isArray(list)) continue;
      if (cf.name.value === 'nodes') {
        count = Math.max(count, list.length);
        const nt = getNamedType(cdef.type) as GraphQLCompositeType;
        for (const item of list) if (item) nodesCost += selectionCostActual(ctx, cf.selectionSet, nt, item as Data, false);
      } else if (cf.name.value === 'edges') {
        count = Math.max(count, list.length);
        const et = getNamedType(cdef.type);
        for (const edge of list) {
          for (const ef of collectFields(ctx, cf.selectionSet, et)) {
            const edef = fieldDef(et, ef.name.value);
            const nodeVal = (edge as Data | null)?.[(ef.alias ?? ef.name).value];
            if (ef.name.value === 'node' && edef && ef.selectionSet && nodeVal) {
              nodesCost += selectionCostActual(ctx, ef.selectionSet, getNamedType(edef.type) as GraphQLCompositeType, nodeVal as Data, false);
            }
          }
        }
      }
    }
    return 2 + count + nodesCost;
  }
  if (def && unwrapList(def.type) && Array.isArray(value)) {
    // A plain list of objects costs like one object holding the costliest item.
    let max = 0;
    for (const item of value) if (item) max = Math.max(max, selectionCostActual(ctx, f.selectionSet, named, item as Data, false));
    return (free ? 0 : 1) + max;
  }
  return (free ? 0 : 1) + selectionCostActual(ctx, f.selectionSet, named, value as Data, false);
}

/** Actual cost: the same model applied to the data really returned. */
export function actualCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  data: Data | null | undefined,
  variables?: Record<string, unknown>,
  operationName?: string | null,
  opts: CostOptions = {},
): number {
  const ctx = makeCtx(schema, doc, variables, opts);
  return operationCost(ctx, doc, operationName, (sel, parent, key, free) => {
    const v = key === null ? data : data?.[key];
    return v ? selectionCostActual(ctx, sel, parent, v as Data, free) : 0;
  });
}
