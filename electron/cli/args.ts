// Small helpers for command options.
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

export function str(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} <value> is required`);
  return v;
}

export function optStr(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function oneOf<T extends string>(values: Values, name: string, allowed: readonly T[], fallback: T): T {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !allowed.includes(v as T))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

export function positional(positionals: string[], index: number, what: string): string {
  const v = positionals[index];
  if (!v) throw new UsageError(`missing ${what}`);
  return v;
}

export function intOpt(values: Values, name: string, fallback: number, min = 1, max = Infinity): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} must be an integer ${max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`}`,
    );
  return n;
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
