import { onBeforeUnmount, onMounted } from 'vue';
import { useSheetStore } from '../stores/sheet';
import { PHONE_MAX_WIDTH } from './sheet-heights';

/** Keeps the sheet store's `phone` flag in step with the window width (rotation, split screen). */
export function usePhoneLayout() {
  const sheet = useSheetStore();
  const query = window.matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`);
  const update = () => (sheet.phone = query.matches);
  update();
  onMounted(() => query.addEventListener('change', update));
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return sheet;
}
