// react-i18next imports the use-sync-external-store shim, written for React < 18 and shipped as
// CommonJS; React 19 has the hook itself, so the build uses it directly (see vite.config.ts).
export { useSyncExternalStore } from 'react';
