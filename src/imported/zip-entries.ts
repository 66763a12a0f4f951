import { unzipSync } from 'fflate';
import { IMPORT_LIMITS } from './limits';
import { ImportFailure } from './problem';

/**
 * The file names inside a zip, read from its directory without unpacking anything; a zip that
 * would unpack past the limits (a "zip bomb": tiny on disk, gigabytes inside) is refused first.
 */
export function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (e) {
    throw new ImportFailure('unreadable', { message: `zip: ${String((e as Error).message ?? e).slice(0, 120)}` });
  }
  if (names.length > IMPORT_LIMITS.maxZipFiles || unpacked > IMPORT_LIMITS.maxUnpackedBytes) {
    throw new ImportFailure('zipTooBig', { files: names.length, mb: Math.round(unpacked / 1024 / 1024), maxMb: IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024, maxFiles: IMPORT_LIMITS.maxZipFiles });
  }
  return names;
}

/** One file out of a zip (after `zipNames` has checked the whole). */
export function zipEntry(bytes: Uint8Array, name: string): Uint8Array {
  const out = unzipSync(bytes, { filter: (file) => file.name === name });
  const entry = out[name];
  if (!entry) throw new ImportFailure('unreadable', { message: `zip: no ${name}` });
  return entry;
}
