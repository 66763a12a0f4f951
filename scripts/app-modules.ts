import { runnerImport } from 'vite';

/**
 * Loads some of the app's own modules (src/ parsers, validators, indexers) for a build plugin,
 * through Vite's module runner: src/ uses extensionless imports, which the config loader cannot
 * load natively. `exports` are the lines of the entry (`export { x } from '/src/…'`); `stubs` answers
 * ids the loaded code imports but the plugin must not run (its own virtual modules, say).
 */
export async function loadAppModules<T>(
  root: string,
  name: string,
  exports: string[],
  stubs?: { matches: (id: string) => boolean; code: string },
): Promise<T> {
  const entry = `virtual:${name}-build`;
  const stub = `\0${name}-stub`;
  const { module } = await runnerImport<T>(entry, {
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [
      {
        name: `zjcn-${name}-build`,
        resolveId: (id) => (id === entry ? '\0' + entry : stubs?.matches(id) ? stub : undefined),
        load: (id) => (id === '\0' + entry ? exports.join('\n') : id === stub ? stubs?.code : undefined),
      },
    ],
  });
  return module;
}
