import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, toSupportedLanguage, type Language } from '@/i18n';

/** Switches every string and date format at once; i18next remembers the choice. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="switcher">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        className="select"
        value={toSupportedLanguage(i18n.resolvedLanguage)}
        onChange={(event) => void changeLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
