import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { noteTemplateEnum } from '../db/schema.ts';
import { encounterById, type NoteRow, type NoteVersionRow, notesByEncounter, versionsByNote } from '../services/loaders.ts';
import { createNote, editNote, NOTE_TEMPLATES, orderedSections, type TemplateSection } from '../services/notes.ts';
import { readList, readNote } from '../services/reads.ts';
import { EncounterRef } from './encounter.ts';
import { dbEnum } from './refs.ts';

const NoteTemplateEnum = dbEnum('NoteTemplate', noteTemplateEnum.enumValues);

const Section = builder.objectRef<{ key: string; title: string; text: string }>('NoteSection').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title', { description: 'The section’s heading in its template, e.g. Subjective.' }),
    text: t.exposeString('text'),
  }),
});

/** A version as served: it knows its note's template, which orders and titles its sections. */
type VersionOfNote = NoteVersionRow & { template: NoteRow['template'] };
const ofNote =
  (n: NoteRow) =>
  (v: NoteVersionRow): VersionOfNote => ({ ...v, template: n.template });

const NoteVersionRef = builder.objectRef<VersionOfNote>('NoteVersion').implement({
  description: 'One saved state of a note. Versions are never changed or deleted.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    sections: t.field({ type: [Section], description: 'In the template’s order.', resolve: (v) => orderedSections(v.template, v.sections) }),
    editedBy: t.exposeID('editedBy', { description: 'The account that saved this version.' }),
    editedAt: t.expose('editedAt', { type: 'DateTime' }),
    changeReason: t.exposeString('changeReason', { nullable: true }),
  }),
});

export const NoteRef = builder.objectRef<NoteRow>('Note').implement({
  description: 'A clinical note. Every edit adds a version; all versions stay readable. Staff only.',
  fields: (t) => ({
    id: t.exposeID('id'),
    template: t.expose('template', { type: NoteTemplateEnum }),
    authorId: t.exposeID('authorId'),
    currentVersion: t.exposeInt('currentVersion'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    encounter: t.field({ type: EncounterRef, resolve: async (n, _a, ctx) => (await encounterById(ctx).load(n.encounterId))! }),
    current: t.field({
      type: NoteVersionRef,
      resolve: async (n, _a, ctx) => ofNote(n)(((await versionsByNote(ctx).load(n.id)) ?? []).find((v) => v.version === n.currentVersion)!),
    }),
    versions: t.field({
      type: [NoteVersionRef],
      description: 'Oldest first.',
      resolve: async (n, _a, ctx) => ((await versionsByNote(ctx).load(n.id)) ?? []).map(ofNote(n)),
    }),
  }),
});

builder.asEntity(NoteRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readNote(ctx, id),
});

const TemplateSectionRef = builder.objectRef<TemplateSection>('NoteTemplateSection').implement({
  fields: (t) => ({ key: t.exposeString('key'), title: t.exposeString('title'), prompt: t.exposeString('prompt') }),
});

const NoteTemplateRef = builder.objectRef<{ template: NoteRow['template']; title: string; sections: TemplateSection[] }>('NoteTemplateDefinition').implement({
  fields: (t) => ({
    template: t.expose('template', { type: NoteTemplateEnum }),
    title: t.exposeString('title'),
    sections: t.field({ type: [TemplateSectionRef], resolve: (d) => d.sections }),
  }),
});

const SectionInput = builder.inputType('NoteSectionInput', {
  fields: (t) => ({ key: t.string({ required: true }), text: t.string({ required: true }) }),
});

builder.objectFields(EncounterRef, (t) => ({
  notes: t.field({
    type: [NoteRef],
    resolve: async (e, _a, ctx) => readList(ctx, 'notes', e.patientId, 'Note', (await notesByEncounter(ctx).load(e.id)) ?? []),
  }),
}));

builder.queryFields((t) => ({
  note: t.field({ type: NoteRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => readNote(ctx, String(id)) }),
  noteTemplates: t.field({
    type: [NoteTemplateRef],
    resolve: (_r, _a, ctx) => {
      requireCapability(ctx, 'clinical.reference.read');
      return Object.entries(NOTE_TEMPLATES).map(([template, d]) => ({ template: template as NoteRow['template'], ...d }));
    },
  }),
}));

builder.mutationFields((t) => ({
  createNote: t.field({
    type: NoteRef,
    args: {
      encounterId: t.arg.id({ required: true }),
      template: t.arg({ type: NoteTemplateEnum, required: true }),
      sections: t.arg({ type: [SectionInput], required: true }),
    },
    resolve: (_r, args, ctx) => createNote(ctx, { ...args, encounterId: String(args.encounterId) }),
  }),
  editNote: t.field({
    type: NoteRef,
    description: 'Adds a new version. expectedVersion is the version you edited; a newer one gives CONFLICT.',
    args: {
      noteId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      sections: t.arg({ type: [SectionInput], required: true }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) => editNote(ctx, { ...args, noteId: String(args.noteId) }),
  }),
}));
