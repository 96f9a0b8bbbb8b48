import type { introspection } from '../../graphql-env.d.ts';

type Types = introspection['types'];

/**
 * The values of one of the API's enums, read from the typings gql.tada checks every document with
 * (`schema/api.graphql`): a label map typed `Record<EnumOf<'X'>, string>` stops compiling when the API adds
 * a value, so no raw code reaches a screen.
 */
export type EnumOf<Name extends keyof Types> = Types[Name] extends { enumValues: infer Value extends string } ? Value : never;

/** The words for each value of one enum. */
export type Labels<Name extends keyof Types> = Readonly<Record<EnumOf<Name>, string>>;
