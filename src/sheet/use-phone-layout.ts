import { onBeforeUnmount, onMounted } from 'vue';
import { useSheetStore } from '../stores/sheet';
import { PHONE_MAX_WIDTH } from './sheet-heights';

/**
 * Keeps the sheet store's `phone` flag in step with the window width (rotation, split screen).
 * It starts as the page was rendered for (createZoneMapApp), which the prerender cannot measure.
 */
export function usePhoneLayout() {
  const sheet = useSheetStore();
  if (import.meta.env.SSR) return sheet;
  const query = window.matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`);
  const update = () => (sheet.phone = query.matches);
  onMounted(() => {
    update();
    query.addEventListener('change', update);
  });
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return sheet;
}
