/** Reads a required environment variable, or stops the process with a message saying what to set. */
export function requireEnv(name: string, hint: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`${name} is not set: ${hint}`);
  process.exit(2);
}
