/**
 * The README section on connecting a model, linked next to offline plans. Set VITE_AI_DOCS_URL
 * at build time to the README of your own copy of Tarefa.
 */
const DEFAULT_AI_DOCS_URL =
  'https://github.com/tarefa-app/tarefa/blob/main/README.md#connecting-a-model';

export const AI_DOCS_URL =
  (import.meta.env.VITE_AI_DOCS_URL as string | undefined)?.trim() || DEFAULT_AI_DOCS_URL;
