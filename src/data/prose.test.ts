import { describe, expect, it } from 'vitest';
import { prose } from 'virtual:authored-data/prose';
import { loadCatalog } from './load';
import { withProse } from './prose';
import { readGeoFiles } from './test-files';
import { LAZY_GEO_FILES, validateGeo } from './validate';

describe("start-up's data without the provenance prose", () => {
  const catalog = loadCatalog();
  const authored = validateGeo(readGeoFiles());
  const all = Object.entries(authored)
    .filter(([file]) => !(LAZY_GEO_FILES as readonly string[]).includes(file))
    .flatMap(([, features]) => features);

  it('leaves identity, position, notes and sources out of every start-up feature', () => {
    for (const f of catalog.byId.values()) {
      for (const key of ['identity', 'position', 'notes', 'sources']) expect(f.properties, `${f.properties.id}.${key}`).not.toHaveProperty(key);
    }
  });

  it('serves them apart, and withProse gives back each feature exactly as geo/ has it', () => {
    expect(Object.keys(prose).length).toBe(all.length);
    for (const f of all) {
      const shown = catalog.byId.get(f.properties.id)!;
      expect(withProse(shown, prose).properties, f.properties.id).toEqual(f.properties);
    }
  });

  it("keeps a feature's own prose (data brought at run time) over start-up's", () => {
    const f = catalog.buildings[0]!;
    const own = { ...f, properties: { ...f.properties, identity: 'brought with the file' } };
    expect(withProse(own, prose).properties.identity).toBe('brought with the file');
    expect(withProse(own, prose).properties.sources).toEqual(prose[f.properties.id]!.sources);
  });
});
