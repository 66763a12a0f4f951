import type { ImportProblem } from './types';

type Translate = (key: string, params: Record<string, string | number>) => string;

/** A problem in the interface language; "out of range" names a feature or a row, as the file has them. */
export function problemMessage(t: Translate, problem: ImportProblem): string {
  const key = problem.code === 'outOfRange' ? (problem.params.kind === 'row' ? 'outOfRangeRow' : 'outOfRangeFeature') : problem.code;
  // A kind of file the map cannot read is named in the person's language (imported.problem.kinds).
  const params = problem.code === 'notSupported' ? { ...problem.params, kind: t(`imported.problem.kinds.${problem.params.kind}`, {}) } : problem.params;
  return t(`imported.problem.${key}`, params);
}
