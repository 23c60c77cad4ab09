import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type ParsedLine = components['schemas']['ParseOut'];
export type LiteralKind = NonNullable<components['schemas']['ParseIn']['literal']>[number];

/** ``signal`` aborts the request when the line has changed since (a stale parse). */
export function parseLine(text: string, literal: LiteralKind[], signal?: AbortSignal) {
  return unwrap(api.POST('/api/tasks/parse', { body: { text, literal }, signal }));
}

/** What the server recognises in a line; nothing is saved. */
export function parseLineQueryOptions(text: string, literal: LiteralKind[]) {
  return queryOptions({
    queryKey: ['quick-add', 'parse', text, literal],
    queryFn: ({ signal }) => parseLine(text, literal, signal),
    enabled: text !== '',
    staleTime: 30_000,
  });
}
