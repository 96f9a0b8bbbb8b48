#!/usr/bin/env node
// The npm registry reachable from these machines serves only the linux builds of the platform
// binaries that biome and turbo ship as optional dependencies, so `npm install` here writes a
// lockfile without the other platforms, and `npm ci` then rejects it as out of sync. This adds
// the missing optional entries (platform-gated, never fetched on linux) so `npm ci` works here
// and elsewhere. Run it after any `npm install`: `node .ci/lockfile-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const platformOf = (suffix) => {
  const [osName, arch, libc] = suffix.split('-');
  const os = { windows: 'win32' }[osName] ?? osName;
  const cpu = { 64: 'x64' }[arch] ?? arch;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
};

let added = 0;
for (const [parent, prefix] of [
  ['node_modules/@biomejs/biome', '@biomejs/cli-'],
  ['node_modules/turbo', '@turbo/'],
]) {
  const entry = packages[parent];
  if (!entry?.optionalDependencies) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    packages[key] = { version, dev: true, optional: true, ...platformOf(name.slice(prefix.length)) };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: added ${added} platform-gated optional entries`);
