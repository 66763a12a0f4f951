import type { ImportProblem, ImportProblemCode } from './types';

/** Thrown inside the reader so each step can stop with the problem that a person is shown. */
export class ImportFailure extends Error {
  constructor(
    readonly code: ImportProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
  toProblem(): ImportProblem {
    return { code: this.code, params: this.params };
  }
}

/** 1-based line of a character offset, for messages that point into the file. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
