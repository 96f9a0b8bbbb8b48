import { codeOf, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, inDays, type SupplyFixture, startSupply } from '../testing/fixtures.ts';

let f: SupplyFixture;
beforeAll(async () => {
  f = await startSupply();
});
afterAll(() => f?.close());

const FIELDS = 'id serialNumber status nextMaintenanceDue lastMaintainedOn location { id } maintenanceLog { kind performedOn performedById }';
const register = (input: Record<string, unknown>) =>
  f.as.pharmacist.request(`mutation($i: RegisterEquipmentInput!) { registerEquipment(input: $i) { ${FIELDS} } }`, { i: input });
const due = async (withinDays?: number) =>
  (
    await f.as.nurse.data<{ maintenanceDue: { serialNumber: string }[] }>(
      'query($f: ID!, $d: Int) { maintenanceDue(facilityId: $f, withinDays: $d) { serialNumber } }',
      {
        f: f.facilityId,
        d: withinDays,
      },
    )
  ).maintenanceDue.map((e) => e.serialNumber);

describe('equipment', () => {
  it('tracks serial numbers and a maintenance schedule, and lists what is due', async () => {
    const monitor = await createItem(f, { kind: 'EQUIPMENT' });
    const overdue = await register({
      itemId: monitor,
      serialNumber: 'SN-OVERDUE',
      locationId: f.loc.ward,
      maintenanceIntervalDays: 90,
      lastMaintainedOn: inDays(-100),
    });
    expect(overdue.data?.registerEquipment).toMatchObject({ nextMaintenanceDue: inDays(-10), status: 'IN_SERVICE' });
    await register({ itemId: monitor, serialNumber: 'SN-SOON', locationId: f.loc.ward, maintenanceIntervalDays: 30, lastMaintainedOn: inDays(-25) });
    await register({ itemId: monitor, serialNumber: 'SN-NEVER', locationId: f.loc.lab, maintenanceIntervalDays: 365 });
    await register({ itemId: monitor, serialNumber: 'SN-NO-SCHEDULE', locationId: f.loc.lab });

    expect(await due()).toEqual(['SN-OVERDUE', 'SN-NEVER']);
    expect(await due(7)).toEqual(['SN-OVERDUE', 'SN-NEVER', 'SN-SOON']);

    const id = overdue.data!.registerEquipment.id;
    const lab = await tokenFor({ userId: f.users.admin!, roles: ['lab'] });
    const logged = await f.sg.client(lab).request('mutation($i: LogMaintenanceInput!) { logMaintenance(input: $i) { kind performedOn nextDueOn } }', {
      i: { equipmentId: id, performedOn: inDays(0), kind: 'PREVENTIVE', notes: 'cuff replaced' },
    });
    expect(logged.data?.logMaintenance).toEqual({ kind: 'PREVENTIVE', performedOn: inDays(0), nextDueOn: inDays(90) });
    expect(await due()).toEqual(['SN-NEVER']);
  });

  it('a repair does not restart the schedule; retired equipment is never due', async () => {
    const pump = await createItem(f, { kind: 'EQUIPMENT' });
    const r = await register({ itemId: pump, serialNumber: 'PUMP-1', locationId: f.loc.ward, maintenanceIntervalDays: 10, lastMaintainedOn: inDays(-12) });
    const id = r.data!.registerEquipment.id;
    await f.as.pharmacist.data('mutation($i: LogMaintenanceInput!) { logMaintenance(input: $i) { id } }', {
      i: { equipmentId: id, performedOn: inDays(-1), kind: 'REPAIR' },
    });
    expect(await due()).toContain('PUMP-1');
    await f.as.pharmacist.data('mutation($i: UpdateEquipmentInput!) { updateEquipment(input: $i) { status } }', { i: { equipmentId: id, status: 'RETIRED' } });
    expect(await due()).not.toContain('PUMP-1');
  });

  it('refuses non-equipment items, duplicate serials and future dates at their fields, and nurses', async () => {
    const drug = await createItem(f);
    expect(codeOf(await register({ itemId: drug, serialNumber: 'X', locationId: f.loc.lab }))).toBe('BAD_USER_INPUT');
    const scope = await createItem(f, { kind: 'EQUIPMENT' });
    expect((await register({ itemId: scope, serialNumber: 'DUP', locationId: f.loc.lab })).errors).toEqual([]);
    const twice = await register({ itemId: scope, serialNumber: 'DUP', locationId: f.loc.lab });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors[0]?.extensions?.issues).toEqual([{ path: 'serialNumber', message: 'is already registered for this equipment' }]);
    const future = await register({ itemId: scope, serialNumber: 'FUT', locationId: f.loc.lab, lastMaintainedOn: inDays(3) });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(future.errors[0]?.extensions?.issues).toEqual([{ path: 'lastMaintainedOn', message: 'cannot be in the future' }]);
    expect(
      codeOf(
        await f.as.nurse.request('mutation($i: RegisterEquipmentInput!) { registerEquipment(input: $i) { id } }', {
          i: { itemId: scope, serialNumber: 'N', locationId: f.loc.lab },
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
