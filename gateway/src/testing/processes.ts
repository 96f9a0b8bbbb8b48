import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A port nothing listens on right now (the OS picks it; a tiny window remains before the child binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Service {
  name: string;
  child: ChildProcess;
  /** Everything it printed so far, for the failure message. */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  /**
   * SIGTERM to its whole process group; waits until every process of the group is gone, and SIGKILLs the
   * group only after the grace period (`forced`). `code` is the exit code of the process it started.
   */
  stop(graceMs?: number): Promise<{ code: number | null; forced: boolean }>;
}

/**
 * Starts a command as its own process group, so stopping it also stops what it started (npm → tsx → node).
 * Output is kept, not shown, unless `echo` is set.
 */
export function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, { echo = false } = {}): Service {
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (echo) process.stdout.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.once('error', (err) => {
      output += `\n${err.message}`;
      resolve(-1);
    });
  });
  /** Signals the process group; false once no process of it is left. */
  const signal = (sig: NodeJS.Signals | 0): boolean => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
      return true;
    } catch {
      return false;
    }
  };
  return {
    name,
    child,
    output: () => output,
    exited,
    stop: async (graceMs = 10_000) => {
      signal('SIGTERM');
      const deadline = Date.now() + graceMs;
      while (signal(0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const forced = signal('SIGKILL');
      return { code: await exited, forced };
    },
  };
}

/** Runs a command to completion; throws with its output if it fails. */
export async function runToCompletion(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const service = startService(name, command, args, env);
  const code = await service.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${service.output()}`);
  return service.output();
}

/** Polls GET url until it answers 200; fails early if the service exits first. */
export async function waitForHealth(service: Service, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited before it was healthy:\n${service.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} was not healthy at ${url} within ${timeoutMs} ms:\n${service.output()}`);
}

/** `node --import tsx <file>`: one process per service (no tsx watcher in between). */
export const tsxArgs = (file: string) => ['--import', 'tsx', file];
