import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLayersStore } from './layers';
import { useSelectionStore } from './selection';

describe('selection store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('selects, clears and hovers by id', () => {
    const s = useSelectionStore();
    s.select('bldg-a');
    expect(s.selectedId).toBe('bldg-a');
    s.hover('zone-east');
    expect(s.hoveredId).toBe('zone-east');
    s.clear();
    expect(s.selectedId).toBeNull();
  });

  it('asks the map to move only when a selection requests focus', () => {
    const s = useSelectionStore();
    s.select('bldg-a');
    expect(s.focusRequest).toBe(0);
    s.select('bldg-b', { focus: true });
    expect(s.focusRequest).toBe(1);
  });
});

describe('layers store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('toggles a group and can force a state', () => {
    const l = useLayersStore();
    expect(l.visible.walkBands).toBe(true);
    l.toggle('walkBands');
    expect(l.visible.walkBands).toBe(false);
    l.toggle('walkBands', false);
    expect(l.visible.walkBands).toBe(false);
  });
});
