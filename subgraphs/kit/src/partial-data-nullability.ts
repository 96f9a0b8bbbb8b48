import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

/**
 * Every field the gateway may have to answer without the rest is nullable, whatever its declaration
 * says (list items stay non-null):
 * - every root Query field;
 * - every field a subgraph adds to another subgraph's entity (care's `Patient.encounters`, finance's
 *   `Patient.invoices`), which the owner's part of the answer (the patient's name) must not depend on.
 *
 * The gateway answers one request from several subgraphs. A non-null field that a subgraph cannot
 * resolve (it is down, or the caller may not see the record) would null its parent up to the whole
 * `data` and blank what the other subgraphs did answer; a nullable one stays null on its own, beside an
 * error naming the service. This is GraphQL's recommended design for partial failures.
 *
 * Hand-rolled because Pothos has only a builder-wide default (`defaultFieldNullability`, false here for
 * every other type) and no per-type one: declaring `nullable: true` on each of ~100 query fields would
 * be forgotten on the next. Pothos plugins are its documented way to rewrite a field's config, and this
 * one changes nothing but those fields' outer nullability (resolvers may still return null
 * only where their own declaration allows it, so the TypeScript side stays as strict as before).
 */
export const partialDataNullabilityPlugin = 'clinigraphPartialDataNullability';

export class PartialDataNullabilityPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const answeredAlone = fieldConfig.kind === 'Query' || (fieldConfig.kind === 'Object' && this.ownedElsewhere(fieldConfig.parentType));
    return answeredAlone ? { ...fieldConfig, type: { ...fieldConfig.type, nullable: true } } : fieldConfig;
  }

  /**
   * Another subgraph's entity (`externalRef`, printed with `@extends`): its key is declared in the
   * implementation (kind `ExternalEntity`/`ExtendedEntity`, left alone); the fields this subgraph adds
   * to it with `builder.objectFields` are of kind `Object`.
   */
  private ownedElsewhere(typeName: string): boolean {
    const { directives } = this.buildCache.getTypeConfig(typeName).pothosOptions as { directives?: unknown };
    return Array.isArray(directives) && directives.some((directive: { name?: unknown }) => directive.name === 'extends');
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      clinigraphPartialDataNullability: PartialDataNullabilityPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(partialDataNullabilityPlugin, PartialDataNullabilityPlugin);
