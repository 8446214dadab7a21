export { useUiStore } from './ui-store';
