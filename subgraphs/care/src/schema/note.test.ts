import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(0);
});
afterAll(() => f?.close());

const CREATE = 'mutation($e: ID!, $s: [NoteSectionInput!]!) { createNote(encounterId: $e, template: SOAP, sections: $s) { id currentVersion } }';
const EDIT =
  'mutation($n: ID!, $v: Int!, $s: [NoteSectionInput!]!, $r: String) { editNote(noteId: $n, expectedVersion: $v, sections: $s, reason: $r) { currentVersion } }';
const VERSIONS =
  'query($id: ID!) { note(id: $id) { currentVersion current { version sections { key text } } versions { version sections { key text } changeReason } } }';

const soap = (plan: string) => [
  { key: 'subjective', text: 'Headache for two days' },
  { key: 'assessment', text: 'Tension-type headache' },
  { key: 'plan', text: plan },
];

describe('versioned notes', () => {
  it('keeps every version readable after three edits', async () => {
    const { createNote } = await f.doctor.data<{ createNote: { id: string; currentVersion: number } }>(CREATE, { e: encounterId, s: soap('Rest') });
    expect(createNote.currentVersion).toBe(1);
    for (const [v, plan] of [
      [1, 'Rest and fluids'],
      [2, 'Rest, fluids, paracetamol'],
      [3, 'Rest, fluids, paracetamol; review in a week'],
    ] as const) {
      await f.doctor.data(EDIT, { n: createNote.id, v, s: soap(plan), r: `edit ${v}` });
    }
    const { note } = await f.nurse.data<{ note: any }>(VERSIONS, { id: createNote.id });
    expect(note.currentVersion).toBe(4);
    expect(note.versions.map((v: any) => v.version)).toEqual([1, 2, 3, 4]);
    expect(note.versions.map((v: any) => v.sections.find((s: any) => s.key === 'plan').text)).toEqual([
      'Rest',
      'Rest and fluids',
      'Rest, fluids, paracetamol',
      'Rest, fluids, paracetamol; review in a week',
    ]);
    expect(note.current.version).toBe(4);
    expect(note.versions[3].changeReason).toBe('edit 3');
  });

  it('reads sections in the template’s order with their headings, whatever order they were written in', async () => {
    const written = [
      { key: 'plan', text: 'Fluids' },
      { key: 'assessment', text: 'Viral bronchitis' },
      { key: 'objective', text: 'Temp 38.4' },
      { key: 'subjective', text: 'Cough' },
    ];
    const { createNote } = await f.doctor.data<{ createNote: { id: string } }>(CREATE, { e: encounterId, s: written });
    const { note } = await f.doctor.data<{ note: { current: { sections: { key: string; title: string }[] } } }>(
      'query($id: ID!) { note(id: $id) { current { sections { key title } } } }',
      { id: createNote.id },
    );
    expect(note.current.sections.map((s) => s.title)).toEqual(['Subjective', 'Objective', 'Assessment', 'Plan']);
  });

  it('refuses an edit of a stale version with CONFLICT and adds nothing', async () => {
    const { createNote } = await f.doctor.data<{ createNote: { id: string } }>(CREATE, { e: encounterId, s: soap('A') });
    await f.doctor2.data(EDIT, { n: createNote.id, v: 1, s: soap('B') });
    const stale = await f.doctor.request(EDIT, { n: createNote.id, v: 1, s: soap('C') });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await f.count('care.note_version', 'note_id = $1', [createNote.id])).toBe(2);
  });

  it('never lets a stored version be changed or deleted, even by direct SQL', async () => {
    await expect(f.db.database.exec("update care.note_version set sections = '{}'::jsonb")).rejects.toThrow(/keeps every version/);
    await expect(f.db.database.exec('delete from care.note_version')).rejects.toThrow(/keeps every version/);
  });

  it('checks sections against the template', async () => {
    const wrong = await f.doctor.request(CREATE, { e: encounterId, s: [{ key: 'diagnosis', text: 'x' }] });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    const empty = await f.doctor.request(CREATE, { e: encounterId, s: [{ key: 'plan', text: '  ' }] });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
  });

  it('lets only doctors write notes', async () => {
    expect(codeOf(await f.nurse.request(CREATE, { e: encounterId, s: soap('x') }))).toBe('FORBIDDEN');
  });
});

describe('diagnoses with ICD-10', () => {
  const ADD = 'mutation($e: ID!, $c: String!) { addDiagnosis(encounterId: $e, code: $c) { code description kind } }';

  it('accepts a listed code in any common spelling and takes its description from the list', async () => {
    const { addDiagnosis } = await f.doctor.data<{ addDiagnosis: { code: string; description: string } }>(ADD, { e: encounterId, c: 'g44209' });
    // The encounter's first diagnosis, with no kind named: it becomes the primary one.
    expect(addDiagnosis).toEqual({ code: 'G44.209', description: 'Tension-type headache, unspecified, not intractable', kind: 'PRIMARY' });
  });

  it('refuses an unknown code with BAD_USER_INPUT and writes nothing', async () => {
    const before = await f.count('care.diagnosis');
    for (const c of ['X99.999', 'E11.99999', 'not a code']) expect(codeOf(await f.doctor.request(ADD, { e: encounterId, c }))).toBe('BAD_USER_INPUT');
    expect(await f.count('care.diagnosis')).toBe(before);
  });

  it('refuses the same code twice on one encounter with CONFLICT', async () => {
    expect(codeOf(await f.doctor.request(ADD, { e: encounterId, c: 'G44.209' }))).toBe('CONFLICT');
  });

  it('searches the code list by words or code', async () => {
    const { icd10Search } = await f.doctor.data<{ icd10Search: { code: string }[] }>('{ icd10Search(query: "type 2 diabetes", first: 50) { code } }');
    expect(icd10Search.map((c) => c.code)).toContain('E11.9');
    expect(icd10Search.every((c) => c.code.startsWith('E11'))).toBe(true);
    const byCode = await f.doctor.data<{ icd10Search: { code: string }[] }>('{ icd10Search(query: "J45") { code } }');
    expect(byCode.icd10Search[0]!.code.startsWith('J45')).toBe(true);
  });
});
