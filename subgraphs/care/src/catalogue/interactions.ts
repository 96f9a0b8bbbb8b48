import { z } from 'zod';
import { normaliseName, readJsonData } from './files.ts';

export const InteractionSeverities = ['minor', 'moderate', 'major', 'contraindicated'] as const;
export type InteractionSeverity = (typeof InteractionSeverities)[number];

const interactionFile = z.object({
  version: z.string(),
  source: z.string().min(1),
  licence: z.string().min(1),
  interactions: z.array(
    z.object({
      drugs: z.tuple([z.string().min(1), z.string().min(1)]),
      severity: z.enum(InteractionSeverities),
      effect: z.string().min(1),
    }),
  ),
});

const allergyFile = z.object({
  version: z.string(),
  source: z.string().min(1),
  licence: z.string().min(1),
  classes: z.array(z.object({ name: z.string(), aliases: z.array(z.string()), members: z.array(z.string()).min(1) })),
  crossReactive: z.array(z.object({ classes: z.tuple([z.string(), z.string()]), message: z.string() })),
});

export interface Interaction {
  drugs: [string, string];
  severity: InteractionSeverity;
  effect: string;
}

const pairKey = (a: string, b: string) => [normaliseName(a), normaliseName(b)].sort().join('|');

const interactionData = readJsonData('interactions.json', interactionFile);
const byPair = new Map<string, Interaction>(
  interactionData.interactions.map((i) => [pairKey(i.drugs[0], i.drugs[1]), { ...i, drugs: [normaliseName(i.drugs[0]), normaliseName(i.drugs[1])] }]),
);

export const interactionTableInfo = { version: interactionData.version, source: interactionData.source, entries: byPair.size };

/** A combination product's generic name ("sulfamethoxazole/trimethoprim") as its ingredients. */
export const ingredients = (genericName: string): string[] =>
  genericName
    .split(/\s*(?:\/|\+|,|\band\b)\s*/i)
    .map(normaliseName)
    .filter(Boolean);

export const interactionBetween = (a: string, b: string): Interaction | null => byPair.get(pairKey(a, b)) ?? null;

const allergyData = readJsonData('allergy-classes.json', allergyFile);

export interface DrugClass {
  name: string;
  names: Set<string>;
  members: Set<string>;
}

const classes: DrugClass[] = allergyData.classes.map((c) => ({
  name: c.name,
  names: new Set([c.name, ...c.aliases].map(normaliseName)),
  members: new Set(c.members.map(normaliseName)),
}));

/** The classes a substance names (e.g. "Penicillin") or belongs to (e.g. "amoxicillin"). */
export const classesOfSubstance = (substance: string): DrugClass[] => {
  const s = normaliseName(substance);
  return classes.filter((c) => c.names.has(s) || c.members.has(s));
};

export const classesOfDrug = (ingredient: string): DrugClass[] => classes.filter((c) => c.members.has(normaliseName(ingredient)));

export const crossReactivity = (a: string, b: string): string | null =>
  allergyData.crossReactive.find((x) => (x.classes[0] === a && x.classes[1] === b) || (x.classes[0] === b && x.classes[1] === a))?.message ?? null;
