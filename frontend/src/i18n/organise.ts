import i18n from 'i18next';
import organise from './locales/en-organise.json';

/**
 * English strings of the signed-in organiser (sidebar, projects, labels, shortcuts), kept out of
 * the first page's JavaScript: the shell's chunk imports this module. Portuguese has them in
 * pt-BR.json, which only loads when used anyway.
 */
export function registerOrganiseStrings(): void {
  i18n.addResourceBundle('en', 'translation', organise, true, false);
}

if (i18n.isInitialized) registerOrganiseStrings();
else i18n.on('initialized', registerOrganiseStrings);
