/// <reference lib="webworker" />
import { keepLayer } from './persist';
import { readFileSites } from './read-sites';
import type { Datum, ImportContext, ImportOutcome } from './types';

/** The outcome, and whether the browser kept the layer for the next visit. */
export type ImportReply = ImportOutcome & { kept?: boolean };

export interface ImportRequest {
  file: File;
  datum: Datum;
  importedAt: string;
  context: ImportContext;
}

// The file is read, parsed and kept (IndexedDB works in a worker) here, not on the page: a 20 MB
// text, its parse and the copy written to the database never touch the main thread.
self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { file, datum, importedAt, context } = e.data;
  let outcome: ImportOutcome;
  try {
    // Bytes, not file.text(): a GBK file decoded as UTF-8 would lose its names (decode-text.ts).
    outcome = await readFileSites({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), datum, importedAt }, context);
  } catch (error) {
    outcome = { problem: { code: 'unreadable', params: { message: String((error as Error)?.message ?? error) } } };
  }
  const kept = 'layer' in outcome ? await keepLayer(outcome.layer) : undefined;
  const reply: ImportReply = { ...outcome, ...(kept === undefined ? {} : { kept }) };
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
