import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useThemePreference, type ThemePreference } from '@/lib/theme';

export function ThemeSwitcher() {
  const { t } = useTranslation();
  const [preference, setPreference] = useThemePreference();
  const id = useId();
  return (
    <div className="switcher">
      <label htmlFor={id}>{t('settings.theme')}</label>
      <select
        id={id}
        className="select"
        value={preference}
        onChange={(event) => setPreference(event.target.value as ThemePreference)}
      >
        <option value="system">{t('settings.themeSystem')}</option>
        <option value="light">{t('settings.themeLight')}</option>
        <option value="dark">{t('settings.themeDark')}</option>
      </select>
    </div>
  );
}
