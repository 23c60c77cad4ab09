import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseLineQueryOptions, type LiteralKind } from '../api/parse-line';
import { chipsFor } from '../components/quick-add-chips';
import { useDebouncedValue } from './use-debounced-value';

/** Parse waits for a pause in typing; each keystroke does not cost a request. */
export const PARSE_DEBOUNCE_MS = 250;

/** The chips and the title the server reads in ``text`` once typing pauses; a newer line
 * cancels the request for an older one. ``literal`` kinds stay words in the title. */
export function useLineChips(text: string, literal: LiteralKind[]) {
  const { t, i18n } = useTranslation();
  const settled = useDebouncedValue(text.trim(), PARSE_DEBOUNCE_MS);
  const parsed = useQuery(parseLineQueryOptions(settled, literal));
  const data = text.trim() !== '' && settled !== '' ? parsed.data : undefined;
  return {
    chips: data ? chipsFor(data, t, i18n.language) : [],
    title: data?.title ?? '',
  };
}
