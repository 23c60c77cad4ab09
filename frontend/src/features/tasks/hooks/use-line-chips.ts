import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLineQueryOptions, type LiteralKind, type ParsedLine } from '../api/parse-line';
import { chipsFor } from '../components/quick-add-chips';
import { useDebouncedValue } from './use-debounced-value';

/** Parse waits for a pause in typing; each keystroke does not cost a request. */
export const PARSE_DEBOUNCE_MS = 250;

/** The chips and the title the server reads in ``text`` once typing pauses; a newer line
 * cancels the request for an older one. ``literal`` kinds stay words in the title. */
export function useLineChips(text: string, literal: LiteralKind[]) {
  const { t, i18n } = useTranslation();
  // An emptied field forgets the last line at once: the next line starts with no chips.
  const settled = useDebouncedValue(text.trim(), PARSE_DEBOUNCE_MS, (line) => line === '');
  const parsed = useQuery(parseLineQueryOptions(settled, literal));
  // While the person goes on typing, the last answer stays until the next one comes, so the
  // chips do not flicker; an emptied line drops it.
  const [shown, setShown] = useState<ParsedLine | undefined>(undefined);
  if (settled === '' && shown !== undefined) setShown(undefined);
  else if (settled !== '' && parsed.data && parsed.data !== shown) setShown(parsed.data);
  const data = text.trim() !== '' ? shown : undefined;
  return {
    chips: data ? chipsFor(data, t, i18n.language) : [],
    title: data?.title ?? '',
  };
}
