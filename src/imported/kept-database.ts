/** The IndexedDB database that keeps a person's imported layer between visits. */
export const KEPT_DATABASE = 'zjcn-imported';
