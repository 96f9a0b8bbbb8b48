import { Capabilities, CapabilityDescriptions } from './capabilities.ts';
import { Roles } from './identity.ts';
import { can } from './policy.ts';

/** The role × capability table CONTRIBUTING.md carries between these markers (`npm run policy:table` writes it). */
export const START = '<!-- policy-table:start (npm run policy:table writes this table from subgraphs/kit/src/auth/policy.ts) -->';
export const END = '<!-- policy-table:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** One row per capability, one column per role: ✓ where the role holds it. */
export function policyTable(): string {
  const lines = [`| capability | what it protects | ${Roles.join(' | ')} |`, `|---|---|${Roles.map(() => '---').join('|')}|`];
  for (const capability of Capabilities) {
    const marks = Roles.map((role) => (can({ roles: [role], scopes: [] }, capability) ? '✓' : ''));
    lines.push(`| \`${capability}\` | ${cell(CapabilityDescriptions[capability])} | ${marks.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Table lines without the column padding the formatter adds, so a formatted table compares equal. */
export const unpadded = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (/^\|[ |:-]+\|$/.test(line) ? line.replace(/[ -]+/g, '-') : line.startsWith('|') ? line.replace(/ *\| */g, '|') : line))
    .join('\n');

/** The document with the table between the markers replaced; the rest stays as it was. */
export function withPolicyTable(doc: string, table: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`CONTRIBUTING.md lacks the markers ${START} … ${END}`);
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
}
