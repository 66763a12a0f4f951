import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readGeoFiles, readReport } from '../src/data/test-files';
import { splitGeo, stripProse, validateGeo } from '../src/data/validate';
import { readAuthoredData } from './vite-plugin-authored-data';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OPTIONS = { geoDir: 'geo', contentDir: 'src/content' };
const temp = mkdtempSync(join(tmpdir(), 'zjcn-authored-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of geo/ or src/content/ with one file changed, for the plugin to read instead. */
function brokenCopy(dir: string, file: string, change: (json: any) => void): string {
  const to = join(temp, `${dir.replace(/\W/g, '-')}-${file}`);
  cpSync(resolve(ROOT, dir), to, { recursive: true });
  const json = JSON.parse(readFileSync(join(to, file), 'utf8'));
  change(json);
  writeFileSync(join(to, file), JSON.stringify(json));
  return to;
}

describe('authored data, validated at build time (vite-plugin-authored-data)', () => {
  it('serves geo/ as validateGeo returns it and the report as parseReport does', async () => {
    const data = await readAuthoredData(ROOT, OPTIONS);
    // start-up's data without the lazy heritage file, which is served on its own
    // and without the provenance prose, which is served on its own too
    const { startup, lazy } = splitGeo(validateGeo(readGeoFiles()));
    const { geo, prose } = stripProse(startup);
    expect(data.geo).toEqual(geo);
    expect(data.prose).toEqual(prose);
    expect(data.prose['zone-east']!.identity.length).toBeGreaterThan(20);
    expect(Object.keys(data.geo)).not.toContain('heritage.geojson');
    expect(data.heritage).toEqual(lazy['heritage.geojson']);
    expect(data.heritage.length).toBeGreaterThan(50);
    expect(data.report).toEqual(readReport());
    expect(data.tour.length).toBeGreaterThan(0);
  });

  it('fails with the file and the feature when geo/ is broken, as the app would at start-up', async () => {
    const geoDir = brokenCopy('geo', 'zones.geojson', (fc) => delete fc.features.find((f: any) => f.properties.id === 'zone-central').properties.name_en);
    await expect(readAuthoredData(ROOT, { ...OPTIONS, geoDir })).rejects.toThrow('zones.geojson › zone-central: properties.name_en: expected string');
  });

  it('fails naming the step when the tour points at a feature geo/ does not have', async () => {
    const contentDir = brokenCopy('src/content', 'tour.json', (steps) => steps[0].emphasis.push('no-such-place'));
    await expect(readAuthoredData(ROOT, { ...OPTIONS, contentDir })).rejects.toThrow(/^tour\.json — [a-z0-9-]+: emphasis "no-such-place" is not a feature in geo\/$/);
  });
});
