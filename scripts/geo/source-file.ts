/**
 * What every editorial source file in geo/sources/ shares: the file shape
 * `{ "$schema", "layer", "records": [{ "id", … }] }`, the field schemas (text, confidence,
 * sources), the layer-wide text composed into each record, `{placeholder}` filling, and errors that
 * name the file and the record.
 */
import { z } from 'zod';

export const SOURCES_DIR = 'geo/sources';

/** A problem in a source file, or in turning one of its records into a feature. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly recordId: string | undefined,
    detail: string,
  ) {
    super(`${SOURCES_DIR}/${file}${recordId ? ` › ${recordId}` : ''}: ${detail}`);
    this.name = 'SourceError';
  }
}

export const text = z.string().min(1);
export const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case ascii words joined by "-"');
export const lonLatSchema = z.tuple([z.number(), z.number()]);
export const confidenceSchema = z.enum(['high', 'medium', 'low']).describe('confidence in the position/geometry');
export const zoneSchema = z.enum(['east', 'central', 'west']);
export const sourcesSchema = z.array(text).min(1).describe('citations: repository + file, web page, or a section of the research notes');
/** A note for editors and reviewers; never copied into geo/. */
export const commentSchema = z.string().optional().describe('a note for editors; not copied into the map data');

/**
 * Text shared by every record of a layer. A feature's identity is `identity_prefix` + the record's
 * identity (or `identity`), its position `position_prefix` + the record's + `position_suffix`
 * (the suffix only when it has a geometry), its notes the record's + `notes_suffix`, its sources the
 * record's + `sources_suffix`.
 */
export const layerTextSchema = z.strictObject({
  comment: commentSchema,
  identity: text.optional(),
  identity_prefix: text.optional(),
  position_prefix: text.optional(),
  position_suffix: text.optional(),
  notes_suffix: text.optional(),
  sources_suffix: z.array(text).optional(),
});
export type LayerText = z.infer<typeof layerTextSchema>;

/** The schema of a source file whose records have the shape `record`. */
export function sourceFileSchema<R extends z.ZodType<{ id: string }>, L extends z.ZodType = typeof layerTextSchema>(record: R, layer?: L) {
  return z.strictObject({
    $schema: z.string().optional(),
    comment: commentSchema,
    layer: (layer ?? layerTextSchema).optional() as z.ZodOptional<L>,
    records: z.array(record),
  });
}

export interface RecordText {
  identity?: string;
  position: string;
  notes?: string;
  sources: string[];
}

/** `{name}` placeholders replaced by `vars`; an unknown name is an error. */
export function fill(s: string, vars: Readonly<Record<string, string | number>>): string {
  return s.replace(/\{([a-z_0-9]+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`unknown placeholder {${name}} (known: ${Object.keys(vars).join(', ') || 'none'})`);
    return String(v);
  });
}

/** A record's identity, position, notes and sources with the layer's shared text, placeholders filled. */
export function compose(
  layer: LayerText | undefined,
  rec: RecordText,
  located: boolean,
  vars: Readonly<Record<string, string | number>> = {},
): { identity: string; position: string; notes?: string; sources: string[] } {
  const l = layer ?? {};
  const identity = rec.identity ?? l.identity;
  if (!identity) throw new Error('no identity (neither the record nor the layer gives one)');
  const join = (...parts: (string | undefined)[]) => fill(parts.filter((p) => p !== undefined).join(' '), vars);
  const notes = rec.notes !== undefined && l.notes_suffix !== undefined ? `${rec.notes} ${l.notes_suffix}` : (rec.notes ?? l.notes_suffix);
  return {
    identity: join(l.identity_prefix, identity),
    position: join(l.position_prefix, rec.position, located ? l.position_suffix : undefined),
    ...(notes !== undefined ? { notes: fill(notes, vars) } : {}),
    sources: [...rec.sources, ...(l.sources_suffix ?? [])].map((s) => fill(s, vars)),
  };
}

/** The record's id for a message: from the raw JSON, as the parsed one may not exist. */
function rawRecordId(raw: unknown, index: number): string {
  const rec = (raw as { records?: unknown[] } | null)?.records?.[index] as { id?: unknown } | undefined;
  return typeof rec?.id === 'string' ? rec.id : `record #${index}`;
}

type Issue = z.core.$ZodIssue;

/**
 * For a value that matches no branch of a union (a position method, say), the issue of the branch
 * that got furthest — usually the method the editor meant — instead of zod's bare "Invalid input".
 */
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return issue;
  // the branch with the fewest problems, then the one whose problem lies deepest
  const branches = issue.errors.map((branch) => ({ n: branch.length, first: branch.map(deepest).sort((a, b) => b.path.length - a.path.length)[0]! }));
  const best = branches.sort((a, b) => a.n - b.n || b.first.path.length - a.first.path.length)[0]?.first;
  return best && best.path.length > 0 ? { ...best, path: [...issue.path, ...best.path] } : issue;
}

/** Parses one source file; a failure names the file, the record and the field. */
export function parseSourceFile<T extends { records: { id: string }[] }>(file: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = deepest(r.error.issues[0]!);
    const [head, index, ...rest] = issue.path;
    const recordId = head === 'records' && typeof index === 'number' ? rawRecordId(raw, index) : undefined;
    const path = (recordId ? rest : issue.path).join('.');
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more)` : '';
    throw new SourceError(file, recordId, `${path ? `${path}: ` : ''}${issue.message}${more}`);
  }
  const seen = new Set<string>();
  for (const rec of r.data.records) {
    if (seen.has(rec.id)) throw new SourceError(file, rec.id, 'duplicate id');
    seen.add(rec.id);
  }
  return r.data;
}

/** Runs `fn` for one record (or the whole file), so that any error it throws names the file and the record. */
export function forRecord<T>(file: string, id: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file, id, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Pairs research items with the records that describe them (by a key such as name_zh): every
 * record must match one item, and every item have exactly one record.
 */
export function matchRecords<I, R extends { id: string }>(
  file: string,
  items: readonly I[],
  records: readonly R[],
  keys: { item: (i: I) => unknown; record: (r: R) => unknown; what: string },
): Map<I, R> {
  const out = new Map<I, R>();
  for (const rec of records) {
    const item = items.find((i) => keys.item(i) === keys.record(rec));
    if (item === undefined) throw new SourceError(file, rec.id, `${String(keys.record(rec))} matches no ${keys.what}`);
    if (out.has(item)) throw new SourceError(file, rec.id, `a second record for ${String(keys.item(item))}`);
    out.set(item, rec);
  }
  for (const item of items) if (!out.has(item)) throw new SourceError(file, undefined, `${keys.what} ${String(keys.item(item))} has no record`);
  return out;
}
