import { describe, expect, it } from 'vitest';
import { subgraphModules } from '../subgraphs.ts';
import { liveFields } from './index.ts';

const subscriptionFields = (schema: (typeof subgraphModules)[number]['schema']) => Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).sort();

describe('live field registry', () => {
  it.each(subgraphModules.map((m) => [m.name, m] as const))('%s declares a live field for every Subscription field of its schema', (_name, module) => {
    expect((module.liveFields ?? []).map((f) => f.field).sort()).toEqual(subscriptionFields(module.schema));
  });

  it('serves exactly the live fields the subgraph modules declare, each once', () => {
    const declared = subgraphModules.flatMap((m) => (m.liveFields ?? []).map((f) => f.field));
    expect(liveFields.map((f) => f.field).sort()).toEqual([...declared].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('serves the pharmacy queue and the lab worklist live', () => {
    expect(liveFields.map((f) => f.field)).toEqual(expect.arrayContaining(['prescriptionFinalised', 'labOrderChanged', 'criticalLabResults']));
  });
});
