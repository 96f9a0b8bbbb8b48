import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
};

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Only these fail a journey; minor and moderate findings are left to review. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns its serious and critical violations,
 * each with the elements it concerns, so a failing journey says what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: an injected inline <script> would be refused by the app's Content-Security-Policy.
  if (!loaded) await page.evaluate(axeSource());
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
  });
  return found
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}  ${n.html.slice(0, 160)}`),
    }));
}

export const describeViolations = (where: string, violations: Violation[]) =>
  `${where}: ${violations.length} serious or critical accessibility violation(s):\n${violations
    .map((v) => `  - [${v.impact}] ${v.id}: ${v.help}\n      ${v.targets.join('\n      ')}`)
    .join('\n')}`;
