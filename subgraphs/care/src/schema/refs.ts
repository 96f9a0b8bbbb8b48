import { facilityReference, itemReference, patientReference, providerReference } from '@clinigraph/kit';
import { builder } from '../builder.ts';

export const Patient = patientReference(builder);
export const Provider = providerReference(builder);
export const Facility = facilityReference(builder);
export const Item = itemReference(builder);

/** A GraphQL enum whose names are the upper-cased database values (`in_consultation` → IN_CONSULTATION). */
export function dbEnum<T extends string>(name: string, values: readonly T[], description?: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>,
  });
}

export const PdfFileRef = builder.objectRef<{ filename: string; contentType: string; contentBase64: string }>('PdfFile').implement({
  description: 'A generated PDF, base64-encoded, to be saved or printed by the client.',
  fields: (t) => ({
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType'),
    contentBase64: t.exposeString('contentBase64'),
  }),
});
