import i18n from 'i18next';
import app from './locales/en-app.json';
import organise from './locales/en-organise.json';

/**
 * English strings of the signed-in app: the organiser (sidebar, projects, labels, shortcuts) and
 * the pages behind the login (tasks, planner, admin, notifications). They stay out of the first
 * page's JavaScript, which only needs the login and shell strings of en.json: the shell's chunk
 * imports this module. Portuguese has them in pt-BR.json, which only loads when used anyway.
 */
export function registerOrganiseStrings(): void {
  i18n.addResourceBundle('en', 'translation', app, true, false);
  i18n.addResourceBundle('en', 'translation', organise, true, false);
}

if (i18n.isInitialized) registerOrganiseStrings();
else i18n.on('initialized', registerOrganiseStrings);
