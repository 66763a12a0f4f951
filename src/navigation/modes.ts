import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useNavigation } from './use-navigation';

export const MODE_IDS = ['overview', 'report', 'compare', 'tour'] as const;
export type ModeId = (typeof MODE_IDS)[number];

/** The panel's modes (overview, reader, comparison, tour), which one is showing, and how to go to each. */
export function useModes() {
  const route = useRoute();
  const navigation = useNavigation();
  const go: Record<ModeId, () => void> = {
    overview: () => navigation.toOverview(),
    report: () => navigation.toReport(),
    compare: () => navigation.toCompare(),
    tour: () => void navigation.toTour(),
  };
  const current = computed<ModeId>(() => (MODE_IDS as readonly string[]).includes(String(route.name)) ? (route.name as ModeId) : 'overview');
  return { modes: MODE_IDS.map((id) => ({ id, go: go[id] })), current };
}
