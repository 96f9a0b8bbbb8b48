import { assertFacilityAccess, requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { labPolicyByFacility, setFacilityLabPolicy } from '../services/lab-policy.ts';
import { Facility } from './refs.ts';

builder.objectFields(Facility, (t) => ({
  singlePersonLab: t.boolean({
    description: 'Whether one person may enter and verify the same lab order here; otherwise a second lab member verifies (four eyes).',
    resolve: async (f, _a, ctx) => {
      requireCapability(ctx, 'facility.settings.read');
      assertFacilityAccess(ctx, f.id, 'Facility');
      return (await labPolicyByFacility(ctx).load(f.id))?.singlePersonLab ?? false;
    },
  }),
}));

builder.objectFields(Facility, (t) => ({
  patientResultDelayHours: t.int({
    description: 'Hours an abnormal or critical lab result waits for the ordering doctor to see it before the patient sees it anyway.',
    resolve: async (f, _a, ctx) => {
      requireCapability(ctx, 'facility.settings.read');
      assertFacilityAccess(ctx, f.id, 'Facility');
      return (await labPolicyByFacility(ctx).load(f.id))?.patientReleaseDelayHours ?? 0;
    },
  }),
}));

builder.mutationFields((t) => ({
  setFacilityLabPolicy: t.field({
    type: Facility,
    description:
      'Admins: whether one person may enter and verify the same lab order at this facility (four eyes otherwise), and how many hours an abnormal result waits for the doctor before its patient sees it. Omitted settings stay as they are.',
    args: { facilityId: t.arg.id({ required: true }), singlePersonLab: t.arg.boolean(), patientResultDelayHours: t.arg.int() },
    resolve: async (_r, args, ctx) => {
      const policy = await setFacilityLabPolicy(ctx, {
        facilityId: String(args.facilityId),
        singlePersonLab: args.singlePersonLab,
        patientReleaseDelayHours: args.patientResultDelayHours,
      });
      return { id: policy.facilityId };
    },
  }),
}));
