import { badInput, type Context, conflict, isUuid, notFound, parseInput, requireCapability } from '@clinigraph/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { note, noteVersion } from '../db/schema.ts';
import { assertOpen, lockEncounter } from './encounters.ts';
import type { NoteRow } from './loaders.ts';
import { encounterFacility, inFacilities } from './scope.ts';

export type NoteTemplate = NoteRow['template'];

export interface TemplateSection {
  key: string;
  title: string;
  prompt: string;
}

/** Note templates: the sections a note of each kind has, with a prompt for each. */
export const NOTE_TEMPLATES: Record<NoteTemplate, { title: string; sections: TemplateSection[] }> = {
  soap: {
    title: 'SOAP note',
    sections: [
      { key: 'subjective', title: 'Subjective', prompt: 'Presenting complaint and history in the patient’s words' },
      { key: 'objective', title: 'Objective', prompt: 'Examination findings, vitals, results' },
      { key: 'assessment', title: 'Assessment', prompt: 'Working diagnosis and differentials' },
      { key: 'plan', title: 'Plan', prompt: 'Treatment, investigations, advice, follow-up' },
    ],
  },
  progress: { title: 'Progress note', sections: [{ key: 'body', title: 'Progress', prompt: 'Change since the last review' }] },
  procedure: {
    title: 'Procedure note',
    sections: [
      { key: 'indication', title: 'Indication', prompt: 'Why the procedure was done' },
      { key: 'procedure', title: 'Procedure', prompt: 'What was done, consent, anaesthesia' },
      { key: 'findings', title: 'Findings', prompt: 'What was found' },
      { key: 'plan', title: 'Plan', prompt: 'Aftercare and follow-up' },
    ],
  },
};

/** A version's sections in its template's order, each with the template's title (stored as a map, whose order is lost). */
export function orderedSections(template: NoteTemplate, sections: Record<string, string>): { key: string; title: string; text: string }[] {
  return NOTE_TEMPLATES[template].sections.flatMap((s) => (s.key in sections ? [{ key: s.key, title: s.title, text: sections[s.key]! }] : []));
}

const sectionsInput = z.array(z.object({ key: z.string(), text: z.string().max(20_000) })).max(10);

/** Checks the sections belong to the template and are not all empty; returns them as a map. */
function sectionsFor(template: NoteTemplate, sections: z.output<typeof sectionsInput>): Record<string, string> {
  const allowed = new Set(NOTE_TEMPLATES[template].sections.map((s) => s.key));
  const result: Record<string, string> = {};
  const issues = sections.filter((s) => !allowed.has(s.key)).map((s) => ({ path: 'sections', message: `${s.key} is not a section of a ${template} note` }));
  if (issues.length) throw badInput(issues.map((i) => i.message).join('; '), issues);
  for (const s of sections) result[s.key] = s.text.trim();
  if (!Object.values(result).some(Boolean)) throw badInput('A note needs some text', [{ path: 'sections', message: 'A note needs some text' }]);
  return result;
}

const createInput = z.object({
  encounterId: z.string(),
  template: z.enum(['soap', 'progress', 'procedure']),
  sections: sectionsInput,
});

export async function createNote(ctx: Context, input: z.input<typeof createInput>): Promise<NoteRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(createInput, input);
  const sections = sectionsFor(data.template, data.sections);
  return ctx.db.transaction(async (tx) => {
    const enc = await lockEncounter(ctx, tx, data.encounterId);
    assertOpen(enc);
    const [row] = await tx
      .insert(note)
      .values({ encounterId: enc.id, patientId: enc.patientId, template: data.template, authorId: identity.userId })
      .returning();
    await tx.insert(noteVersion).values({ noteId: row!.id, version: 1, sections, editedBy: identity.userId });
    await ctx.audit.write(tx, { action: 'create', entityType: 'Note', entityId: row!.id, patientId: enc.patientId, detail: { version: 1 } });
    return row!;
  });
}

const editInput = z.object({
  noteId: z.string(),
  expectedVersion: z.int().min(1),
  sections: sectionsInput,
  reason: z.string().trim().max(500).nullish(),
});

/**
 * An edit never changes a version: it adds the next one. `expectedVersion` is the version the editor
 * started from, so two doctors editing at once cannot silently overwrite each other (CONFLICT).
 */
export async function editNote(ctx: Context, input: z.input<typeof editInput>): Promise<NoteRow> {
  const identity = requireCapability(ctx, 'clinical.write');
  const data = parseInput(editInput, input);
  return ctx.db.transaction(async (tx) => {
    const [current] = isUuid(data.noteId)
      ? await tx
          .select()
          .from(note)
          .where(and(eq(note.id, data.noteId), inFacilities(identity, encounterFacility(note.encounterId))))
          .for('update')
      : [];
    if (!current) throw notFound('Note');
    const sections = sectionsFor(current.template, data.sections);
    if (current.currentVersion !== data.expectedVersion) {
      throw conflict(`The note changed since you opened it: it is at version ${current.currentVersion}, you edited version ${data.expectedVersion}`);
    }
    const version = current.currentVersion + 1;
    await tx.insert(noteVersion).values({ noteId: current.id, version, sections, editedBy: identity.userId, changeReason: data.reason ?? null });
    const [row] = await tx.update(note).set({ currentVersion: version, updatedAt: new Date() }).where(eq(note.id, current.id)).returning();
    await ctx.audit.write(tx, { action: 'update', entityType: 'Note', entityId: current.id, patientId: current.patientId, detail: { version } });
    return row!;
  });
}
