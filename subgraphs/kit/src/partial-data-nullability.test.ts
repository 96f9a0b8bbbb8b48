import type { GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createBuilder } from './builder.ts';
import { patientReference } from './references.ts';

/** Each field of a type with its type as SDL writes it (`[Thing!]`); read off the schema, as graphql's own printer lives in another module realm here. */
const fieldsOf = (type: GraphQLNamedType | null | undefined) =>
  Object.fromEntries(Object.values(type && 'getFields' in type ? type.getFields() : {}).map((f) => [f.name, String(f.type)]));

function schemaWithEveryKindOfField() {
  const builder = createBuilder();
  const Patient = patientReference(builder);
  builder.objectFields(Patient, (t) => ({ things: t.field({ type: [Thing], resolve: () => [] }) }));
  const Thing = builder.objectRef<{ id: string }>('Thing').implement({
    fields: (t) => ({ id: t.exposeID('id'), patient: t.field({ type: Patient, resolve: () => ({ id: 'p' }) }) }),
  });
  builder.queryType({
    fields: (t) => ({
      thing: t.field({ type: Thing, args: { id: t.arg.id({ required: true }) }, resolve: (_root, args) => ({ id: args.id }) }),
      things: t.field({ type: [Thing], resolve: () => [] }),
      count: t.int({ resolve: () => 0 }),
      maybe: t.field({ type: Thing, nullable: true, resolve: () => null }),
    }),
  });
  builder.mutationType({ fields: (t) => ({ make: t.field({ type: Thing, resolve: () => ({ id: '1' }) }) }) });
  return builder.toSchema();
}

describe("the kit's builder", () => {
  const schema = schemaWithEveryKindOfField();

  it('makes every root Query field nullable, so one that fails is null on its own; list items stay non-null', () => {
    expect(fieldsOf(schema.getQueryType())).toEqual({ thing: 'Thing', things: '[Thing!]', count: 'Int', maybe: 'Thing' });
    expect(String(schema.getQueryType()?.getFields().thing?.args[0]?.type)).toBe('ID!');
  });

  it("makes the fields a subgraph adds to another subgraph's entity nullable, so the owner's part stands without them; the key stays non-null", () => {
    expect(fieldsOf(schema.getType('Patient'))).toEqual({ id: 'ID!', things: '[Thing!]' });
  });

  it('keeps the non-null default for every other field: mutations, and its own types, even where they point to another entity', () => {
    expect(fieldsOf(schema.getMutationType())).toEqual({ make: 'Thing!' });
    expect(fieldsOf(schema.getType('Thing'))).toEqual({ id: 'ID!', patient: 'Patient!' });
  });
});
