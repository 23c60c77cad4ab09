import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export type Language = 'en' | 'pt-BR';

export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'pt-BR', label: 'Português (Brasil)' },
];

export const LANGUAGE_STORAGE_KEY = 'tarefa.language';

/** Any Portuguese browser locale gets Brazilian Portuguese; everything else English. */
export function toSupportedLanguage(code: string | null | undefined): Language {
  return code?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/** The remembered choice first, then the browser's preferred languages. */
export function detectLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  if (stored) return toSupportedLanguage(stored);
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  const first = preferred.find((code) => /^(en|pt)\b/i.test(code));
  return toSupportedLanguage(first);
}

export function currentLanguage(): Language {
  return toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** English ships with the app (it is also the fallback); Portuguese loads only when used. */
async function ensureLoaded(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const { default: messages } = await import('./locales/pt-BR.json');
  i18n.addResourceBundle(language, 'translation', messages);
}

/** Switch every string and date format at once, and remember the choice. */
export async function changeLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (code) => {
  document.documentElement.lang = toSupportedLanguage(code);
});

/** Resolves once the detected language's strings are ready, so the first paint is translated. */
export async function initI18n(language: Language = detectLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources: { en: { translation: en } },
      lng: 'en',
      supportedLngs: ['en', 'pt-BR'],
      fallbackLng: 'en',
      load: 'currentOnly',
      interpolation: { escapeValue: false },
    });
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  return i18n;
}

export default i18n;
