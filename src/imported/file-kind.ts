/**
 * What a file is, by its first bytes (its signature), not by its name: a `.csv` that is really a
 * zip is a zip. `text` is anything without a binary signature (CSV, GeoJSON, KML, GPX).
 */
export type FileKind = 'text' | 'zip' | 'ole2' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'rar' | '7z' | 'gzip' | 'sqlite' | 'binary';

const SIGNATURES: [FileKind, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['rar', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['gzip', [0x1f, 0x8b]],
  ['sqlite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

export function fileKind(bytes: Uint8Array): FileKind {
  for (const [kind, sig] of SIGNATURES) if (sig.every((b, i) => bytes[i] === b)) return kind;
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'webp';
  // Text: no NUL in the first 4 KB, unless it is UTF-16 (a BOM).
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0) ? 'binary' : 'text';
}
