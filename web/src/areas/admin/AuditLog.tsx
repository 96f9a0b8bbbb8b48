import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { useFacilityZone } from '../../features/facilities.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { formatDateTime, withZone } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import type { EnumOf } from '../../lib/labels/enum.ts';
import { ROLE } from '../../lib/labels/people.ts';
import { type CursorPage, CursorPages, MoreRow } from '../../ui/CursorPages.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

export const AUDIT = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes { id at action entityType entityId patient { id displayName mrn } service operation ip actorRoles actor { displayName email } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Who read or changed what, newest first, filtered by patient, action or kind of record. */
export function AuditLog() {
  const zone = useFacilityZone();
  const [action, setAction] = createSignal('');
  const [entityType, setEntityType] = createSignal('');
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  const filter = () => ({
    ...(action() ? { action: action() } : {}),
    ...(entityType().trim() ? { entityType: entityType().trim() } : {}),
    ...(patient() ? { patientId: patient()!.id } : {}),
  });
  const refilter = (set: (v: string) => void) => (e: { currentTarget: { value: string } }) => set(e.currentTarget.value);
  return (
    <section class="page wide" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div class="toolbar">
        <Field label="Action">
          {(c) => (
            <select {...c} value={action()} onChange={refilter(setAction)}>
              <option value="">Any</option>
              <For each={['read', 'search', 'create', 'update', 'delete', 'login', 'logout', 'export']}>
                {(a) => (
                  <option value={a} selected={a === action()}>
                    {a}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="Record type" hint="e.g. Patient, Appointment">
          {(c) => <input {...c} value={entityType()} onChange={refilter(setEntityType)} />}
        </Field>
      </div>
      <PatientPicker label="Patient" selected={patient()} onSelect={setPatient} />
      <ScrollTable label="Audit events">
        <table>
          <thead>
            <tr>
              <th scope="col">{withZone('When', zone())}</th>
              <th scope="col">Who</th>
              <th scope="col">Did</th>
              <th scope="col">Record</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <CursorPages restart={filter()}>{(page) => <AuditRows filter={filter()} page={page} />}</CursorPages>
        </table>
      </ScrollTable>
    </section>
  );
}

function AuditRows(props: { filter: Record<string, string>; page: CursorPage }) {
  const zone = useFacilityZone();
  const [result] = createQuery({ query: AUDIT, variables: () => ({ filter: props.filter, first: 50, after: props.page.after }) });
  return (
    <tbody>
      <Loaded result={result} isEmpty={(d) => !d.auditEvents.nodes.length} empty="No events match.">
        {(data) => (
          <>
            <For each={data().auditEvents.nodes}>
              {(e) => (
                <tr>
                  <td>{formatDateTime(e.at, zone())}</td>
                  <td>
                    {e.actor ? `${e.actor.displayName} (${e.actorRoles.map((r) => (ROLE[r as EnumOf<'Role'>] ?? r).toLowerCase()).join(', ')})` : 'System'}
                  </td>
                  <td>
                    {e.action} <small>{e.operation ?? ''}</small>
                  </td>
                  <td>
                    <span title={e.entityId ? `${e.entityType} ${e.entityId}` : undefined}>{e.entityType}</span>
                    <Show when={e.patient}>{(p) => <small> · {`${p().displayName} (${p().mrn})`}</small>}</Show>
                  </td>
                  <td>
                    {e.service} <small>{e.ip ?? ''}</small>
                  </td>
                </tr>
              )}
            </For>
            <MoreRow page={props.page} pageInfo={data().auditEvents.pageInfo} columns={5} label="Load older events" />
          </>
        )}
      </Loaded>
    </tbody>
  );
}
