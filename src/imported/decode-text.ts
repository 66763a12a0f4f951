/** The text encodings a person's file arrives in, as the panel names them. */
export type TextEncoding = 'UTF-8' | 'GBK' | 'UTF-16LE' | 'UTF-16BE';

/**
 * A text file's bytes as text, and which encoding they were read as. UTF-8 only when the file *is*
 * UTF-8 (a BOM, or a strict decode that succeeds); UTF-16 by its BOM; otherwise GB18030, a superset of
 * GBK and GB2312 — what Excel and WPS write on Chinese Windows. Never a replacement character from
 * a wrong guess: GB18030 maps every byte sequence.
 */
/** Whether these bytes are valid UTF-8 (a strict decode succeeds). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK' };
  }
}
