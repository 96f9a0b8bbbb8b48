import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestStack, type TestStack } from '../../../gateway/src/testing/stack.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds web/dist from the current source (skip with CLINIGRAPH_E2E_SKIP_BUILD=1 when it is fresh). */
export function buildWeb(): void {
  if (process.env.CLINIGRAPH_E2E_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', 'build', '-w', '@clinigraph/web'], { cwd: ROOT, stdio: 'pipe' });
}

export interface WebStack {
  stack: TestStack;
  baseUrl: string;
  stop(): Promise<void>;
}

/** The whole clinic in process on a fresh seeded database, serving the built web app at its root. */
export async function startWebStack(): Promise<WebStack> {
  buildWeb();
  const stack = await startTestStack();
  return { stack, baseUrl: stack.gateway.url, stop: () => stack.stop() };
}
