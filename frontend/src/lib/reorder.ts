/** Manual order: where an item lands, said the way the API's move endpoint wants it. */
export type MoveAnchor = { before_id: number } | { after_id: number };

export function arrayMove<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/**
 * Moving `ids[from]` to index `to`: place it before its new next neighbour, or after its new
 * previous one when it becomes the last. Null when nothing moves or an index is out of range.
 */
export function moveAnchor(ids: readonly number[], from: number, to: number): MoveAnchor | null {
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return null;
  const next = arrayMove(ids, from, to);
  const after = next[to + 1];
  if (after !== undefined) return { before_id: after };
  const before = next[to - 1];
  return before === undefined ? null : { after_id: before };
}

/** The anchor that puts an item back where it was before a move (for undo). */
export function restoreAnchor(ids: readonly number[], id: number): MoveAnchor | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const after = ids[index + 1];
  if (after !== undefined) return { before_id: after };
  const before = ids[index - 1];
  return before === undefined ? null : { after_id: before };
}
