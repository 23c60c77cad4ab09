/**
 * How to connect a model, linked next to offline plans: a page shipped with the app
 * (public/docs), so the link works offline and on any deployment. Set VITE_AI_DOCS_URL at build
 * time to point at your own documentation instead.
 */
const DEFAULT_AI_DOCS_URL = '/docs/connecting-a-model.html';

export const AI_DOCS_URL =
  (import.meta.env.VITE_AI_DOCS_URL as string | undefined)?.trim() || DEFAULT_AI_DOCS_URL;
