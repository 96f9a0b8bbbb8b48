import {
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  print,
  visit,
} from 'graphql';

/** The variable that carries the event id into the rewritten query. */
export const EVENT_ID_VARIABLE = 'liveEventId';

export interface EventQuery {
  /** The query text: the subscriber's selection under `resolveWith(id: $liveEventId)`, aliased to the subscription's response key. */
  query: string;
  /** Where the payload sits in `data`: the subscription field's alias or name. */
  responseKey: string;
  /** The subscriber's variables the query still uses. */
  variableNames: string[];
}

function usedVariables(nodes: ASTNode[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes)
    visit(node, {
      Variable(v) {
        names.add(v.name.value);
      },
    });
  return names;
}

function usedFragments(root: ASTNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const seen = new Map<string, FragmentDefinitionNode>();
  const walk = (node: ASTNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) {
          seen.set(name, fragment);
          walk(fragment);
        }
      },
    });
  walk(root);
  return [...seen.values()];
}

/**
 * Turns `subscription { appointmentChanged(day: …) { cursor appointment { patient { displayName } } } }`
 * into `query($liveEventId: ID!) { appointmentChanged: appointmentEvent(id: $liveEventId) { cursor … } }`:
 * the same selection, resolved through the gateway like any query. The subscription's own arguments
 * are the gateway's filter and are dropped; fragments and variables the selection uses are kept.
 */
export function subscriptionAsQuery(operation: OperationDefinitionNode, document: DocumentNode, resolveWith: string): EventQuery {
  const field = operation.selectionSet.selections[0] as FieldNode;
  const responseKey = field.alias?.value ?? field.name.value;
  const rewritten: FieldNode = {
    ...field,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: resolveWith },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'id' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_ID_VARIABLE } },
      },
    ],
  };
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const keptFragments = usedFragments(rewritten, fragments);
  const used = usedVariables([rewritten, ...keptFragments]);
  used.delete(EVENT_ID_VARIABLE);
  const query: OperationDefinitionNode = {
    ...operation,
    operation: OperationTypeNode.QUERY,
    selectionSet: { ...operation.selectionSet, selections: [rewritten] },
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_ID_VARIABLE } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
      },
    ],
  };
  return { query: print({ kind: Kind.DOCUMENT, definitions: [query, ...keptFragments] }), responseKey, variableNames: [...used] };
}
