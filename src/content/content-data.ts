import { z } from 'zod/mini';

/**
 * Shared by the team-written content files (indicators, summaries, tour): schema errors name the
 * entry (its `id`, or its key) and the field, so a bad edit fails the build loudly
 * (scripts/vite-plugin-authored-data.ts runs the loaders).
 */
export class ContentDataError extends Error {
  constructor(
    /** e.g. "indicators.json" */
    readonly file: string,
    /** the entry's id or key, or null when the whole file is wrong */
    readonly entry: string | null,
    detail: string,
  ) {
    super(`${file}${entry ? ` — ${entry}` : ''}: ${detail}`);
    this.name = 'ContentDataError';
  }
}

export const slugSchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case ascii words joined by "-"'));
export const textSchema = () => z.string().check(z.minLength(1));

function describe(error: z.core.$ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.map(String).join('.');
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

/** Parses an array of `{ id, … }` entries one by one; throws naming the entry, then checks ids are unique. */
export function parseList<S extends z.ZodMiniType>(file: string, schema: S, data: unknown): z.infer<S>[] {
  if (!Array.isArray(data)) throw new ContentDataError(file, null, 'expected an array of entries');
  const seen = new Set<string>();
  return data.map((raw: unknown, i) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const who = typeof rawId === 'string' && rawId ? rawId : `entry #${i}`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new ContentDataError(file, who, describe(parsed.error));
    if (seen.has(who)) throw new ContentDataError(file, who, 'id is used twice');
    seen.add(who);
    return parsed.data as z.infer<S>;
  });
}

/** Parses an object of `key → entry`; throws naming the key. */
export function parseRecord<S extends z.ZodMiniType>(file: string, schema: S, data: unknown): Record<string, z.infer<S>> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ContentDataError(file, null, 'expected an object keyed by id');
  const out: Record<string, z.infer<S>> = {};
  for (const [key, raw] of Object.entries(data)) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new ContentDataError(file, key, describe(parsed.error));
    out[key] = parsed.data as z.infer<S>;
  }
  return out;
}
