import { useTranslation } from 'react-i18next';
import { GOAL_MIN_LENGTH, PASSWORD_MIN_LENGTH, type Problem } from './validation';

/** Field problems as sentences in the current language, ready for a TextField's `errors`. */
export function useProblemText(): (problem: Problem | undefined, server?: string[]) => string[] {
  const { t } = useTranslation();
  return (problem, server = []) => {
    if (!problem) return server;
    switch (problem) {
      case 'required':
        return [t('validation.required')];
      case 'email':
        return [t('validation.email')];
      case 'passwordTooShort':
        return [t('validation.passwordTooShort', { count: PASSWORD_MIN_LENGTH })];
      case 'passwordsDiffer':
        return [t('validation.passwordsDiffer')];
      case 'goalTooShort':
        return [t('planner.goalTooShort', { count: GOAL_MIN_LENGTH })];
    }
  };
}
