import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { apiError } from './errors';

export interface QueryLimits {
  maxDepth: number;
  /** Estimated number of objects a query can touch; lists multiply by their `first`/`last`. */
  maxComplexity: number;
  /** Assumed page size of a list field whose size is not given. */
  defaultListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxComplexity: 20_000, defaultListSize: 20 };

/** Depth and cost of one operation, following fragments; introspection (`__schema`, `__type`) is not counted. */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  defaultListSize: number,
): { depth: number; complexity: number } {
  const sizeOf = (value: ValueNode | undefined): number | null => {
    if (!value) return null;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const v = variables[value.name.value];
      return typeof v === 'number' ? v : null;
    }
    return null;
  };
  const walk = (
    set: SelectionSetNode,
    depth: number,
    seen: ReadonlySet<string>,
  ): { depth: number; cost: number } => {
    let maxDepth = depth;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const args = new Map((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
        const size = sizeOf(args.get('first')) ?? sizeOf(args.get('last'));
        const isList = size !== null || args.has('after') || args.has('before');
        const multiplier = isList ? (size ?? defaultListSize) : 1;
        if (selection.selectionSet) {
          const inner = walk(selection.selectionSet, depth + 1, seen);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += 1 + multiplier * inner.cost;
        } else {
          cost += 1;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(selection.selectionSet, depth, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const inner = walk(fragment.selectionSet, depth, new Set([...seen, name]));
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth: maxDepth, cost };
  };
  const result = walk(operation.selectionSet, 0, new Set());
  return { depth: result.depth, complexity: result.cost };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/** Refuses too deep or too costly operations before they run, with code QUERY_TOO_COMPLEX. */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const measured = measureOperation(
            operation,
            fragmentsOf(document),
            request.variables ?? {},
            limits.defaultListSize,
          );
          if (measured.depth > limits.maxDepth) {
            throw apiError(
              'QUERY_TOO_COMPLEX',
              `Query depth ${measured.depth} exceeds the limit of ${limits.maxDepth}.`,
              { depth: measured.depth, maxDepth: limits.maxDepth },
              400,
            );
          }
          if (measured.complexity > limits.maxComplexity) {
            throw apiError(
              'QUERY_TOO_COMPLEX',
              `Query complexity ${measured.complexity} exceeds the limit of ${limits.maxComplexity}; ask for smaller pages or fewer nested lists.`,
              { complexity: measured.complexity, maxComplexity: limits.maxComplexity },
              400,
            );
          }
        },
      };
    },
  };
}
