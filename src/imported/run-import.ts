import { IMPORT_LIMITS } from './limits';
import type { ImportReply, ImportRequest } from './import.worker';
import type { Datum, ImportContext } from './types';

/**
 * Reads (and keeps) a person's file in a worker (one per import, closed after): an empty or oversized file is
 * refused before a byte is read; a worker that dies says so instead of leaving the dialog waiting.
 */
export function importFile(file: File, datum: Datum, context: ImportContext): Promise<ImportReply> {
  if (file.size === 0) return Promise.resolve({ problem: { code: 'empty', params: {} } });
  if (file.size > IMPORT_LIMITS.maxBytes) {
    return Promise.resolve({ problem: { code: 'tooBig', params: { mb: +(file.size / 1024 / 1024).toFixed(1), max: IMPORT_LIMITS.maxBytes / 1024 / 1024 } } });
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'zjcn-import' });
    const done = (outcome: ImportReply) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (e: MessageEvent<ImportReply>) => done(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      done({ problem: { code: 'unreadable', params: { message: e.message || 'the reader stopped' } } });
    };
    const request: ImportRequest = { file, datum, importedAt: new Date().toISOString(), context };
    worker.postMessage(request);
  });
}
