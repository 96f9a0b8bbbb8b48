import { normaliseName } from './files.ts';
import { classesOfDrug, classesOfSubstance, crossReactivity, type InteractionSeverity, ingredients, interactionBetween } from './interactions.ts';

export type FindingLevel = 'info' | 'warning' | 'block';

/** One result of the safety check. `key` is stable, so a prescriber acknowledges exactly this finding. */
export interface SafetyFinding {
  key: string;
  kind: 'allergy' | 'cross_reactivity' | 'interaction';
  level: FindingLevel;
  severity: string;
  message: string;
  drugs: string[];
}

export interface Allergy {
  substance: string;
  severity: 'mild' | 'moderate' | 'severe' | 'life_threatening';
}

export interface Medicine {
  medicineName: string;
  genericName: string;
}

/** Contraindicated interactions block; moderate and major ones need an acknowledgement; minor ones inform. */
export const interactionLevel = (s: InteractionSeverity): FindingLevel => (s === 'contraindicated' ? 'block' : s === 'minor' ? 'info' : 'warning');

/** An allergy to the drug (or its class) recorded as severe or life-threatening blocks; a milder one needs an acknowledgement. */
export const allergyLevel = (s: Allergy['severity']): FindingLevel => (s === 'severe' || s === 'life_threatening' ? 'block' : 'warning');

function allergyFindings(medicines: Medicine[], allergies: Allergy[]): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  for (const med of medicines) {
    for (const ingredient of ingredients(med.genericName)) {
      const drugClasses = classesOfDrug(ingredient);
      for (const allergy of allergies) {
        const substance = normaliseName(allergy.substance);
        const allergyClasses = classesOfSubstance(substance);
        const shared = drugClasses.find((c) => allergyClasses.some((a) => a.name === c.name));
        if (substance === ingredient || shared) {
          const via = substance === ingredient ? '' : ` (${shared!.name})`;
          findings.push({
            key: `allergy:${substance}:${ingredient}`,
            kind: 'allergy',
            level: allergyLevel(allergy.severity),
            severity: allergy.severity,
            message: `${med.medicineName}: the patient has a recorded ${allergy.severity.replace('_', '-')} allergy to ${allergy.substance}${via}.`,
            drugs: [ingredient],
          });
          continue;
        }
        for (const dc of drugClasses) {
          const ac = allergyClasses.find((a) => crossReactivity(a.name, dc.name));
          if (!ac) continue;
          findings.push({
            key: `cross:${substance}:${ingredient}`,
            kind: 'cross_reactivity',
            level: 'warning',
            severity: 'moderate',
            message: `${med.medicineName}: allergy to ${allergy.substance}. ${crossReactivity(ac.name, dc.name)}`,
            drugs: [ingredient],
          });
        }
      }
    }
  }
  return findings;
}

function interactionFindings(medicines: Medicine[], current: Medicine[]): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  const seen = new Set<string>();
  const pairs: [Medicine, Medicine][] = [];
  medicines.forEach((a, i) => {
    for (const b of medicines.slice(i + 1)) pairs.push([a, b]);
    for (const b of current) pairs.push([a, b]);
  });
  for (const [a, b] of pairs) {
    for (const x of ingredients(a.genericName)) {
      for (const y of ingredients(b.genericName)) {
        const hit = interactionBetween(x, y);
        const key = `interaction:${[x, y].sort().join('+')}`;
        if (!hit || seen.has(key)) continue;
        seen.add(key);
        findings.push({
          key,
          kind: 'interaction',
          level: interactionLevel(hit.severity),
          severity: hit.severity,
          message: `${a.medicineName} with ${b.medicineName}: ${hit.severity} interaction. ${hit.effect}`,
          drugs: [x, y].sort(),
        });
      }
    }
  }
  return findings;
}

/**
 * The check run when a prescription is finalised: its medicines against the patient's recorded
 * allergies, against each other, and against the patient's other active prescriptions.
 */
export function checkPrescription(medicines: Medicine[], allergies: Allergy[], currentMedicines: Medicine[]): SafetyFinding[] {
  const order: Record<FindingLevel, number> = { block: 0, warning: 1, info: 2 };
  const unique = new Map<string, SafetyFinding>();
  for (const f of [...allergyFindings(medicines, allergies), ...interactionFindings(medicines, currentMedicines)]) if (!unique.has(f.key)) unique.set(f.key, f);
  return [...unique.values()].sort((a, b) => order[a.level] - order[b.level]);
}
