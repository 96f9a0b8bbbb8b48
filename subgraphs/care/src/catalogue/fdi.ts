/** FDI (ISO 3950) two-digit tooth numbering: quadrant then position. */
export function isFdiTooth(tooth: number): boolean {
  if (!Number.isInteger(tooth)) return false;
  const quadrant = Math.floor(tooth / 10);
  const position = tooth % 10;
  if (quadrant >= 1 && quadrant <= 4) return position >= 1 && position <= 8;
  if (quadrant >= 5 && quadrant <= 8) return position >= 1 && position <= 5;
  return false;
}

export const isPrimaryTooth = (tooth: number) => isFdiTooth(tooth) && tooth >= 51;

/** Tooth surfaces: mesial, occlusal, distal, buccal/labial, lingual/palatal, incisal. */
export const ToothSurfaces = ['M', 'O', 'D', 'B', 'L', 'I'] as const;
