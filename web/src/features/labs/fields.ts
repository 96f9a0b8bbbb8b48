export interface LabOrderInfo {
  id: string;
  status: string;
  orderedAt: string;
  items: {
    id: string;
    testName: string;
    unit: string | null;
    referenceLow: number | null;
    referenceHigh: number | null;
    result: { value: number | null; text: string | null; flag: string } | null;
  }[];
}

export const LAB_ORDER_FIELDS = `id status orderedAt items { id testName unit referenceLow referenceHigh result { value text flag } }`;
