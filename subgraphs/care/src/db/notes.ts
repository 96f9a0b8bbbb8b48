import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, care, createdAt, id } from './care.ts';
import { encounter } from './encounter.ts';

export const noteTemplateEnum = care.enum('note_template', ['soap', 'progress', 'procedure']);

/** A clinical note. Its text lives in versions: every edit adds one, none is ever changed or removed. */
export const note = care.table(
  'note',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    template: noteTemplateEnum('template').notNull(),
    authorId: uuid('author_id').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('note_encounter_idx').on(t.encounterId), index('note_patient_idx').on(t.patientId, t.createdAt)],
);

export const noteVersion = care.table(
  'note_version',
  {
    id: id(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => note.id),
    version: integer('version').notNull(),
    sections: jsonb('sections').$type<Record<string, string>>().notNull(),
    editedBy: uuid('edited_by').notNull(),
    editedAt: createdAt(),
    changeReason: text('change_reason'),
  },
  (t) => [unique('note_version_note_version_key').on(t.noteId, t.version), check('note_version_positive', sql`${t.version} >= 1`)],
);

export const diagnosisKindEnum = care.enum('diagnosis_kind', ['primary', 'secondary']);

export const diagnosis = care.table(
  'diagnosis',
  {
    id: id(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    patientId: uuid('patient_id').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    kind: diagnosisKindEnum('kind').notNull().default('secondary'),
    comment: text('comment'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    unique('diagnosis_encounter_code_key').on(t.encounterId, t.code),
    uniqueIndex('diagnosis_one_primary_idx').on(t.encounterId).where(sql`${t.kind} = 'primary'`),
    index('diagnosis_patient_idx').on(t.patientId, t.recordedAt),
  ],
);
