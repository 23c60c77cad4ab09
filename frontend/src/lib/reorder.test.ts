import { describe, expect, it } from 'vitest';
import { arrayMove, moveAnchor, restoreAnchor } from './reorder';

describe('moveAnchor', () => {
  const ids = [10, 20, 30, 40];
  it.each([
    [0, 2, { before_id: 40 }],
    [3, 0, { before_id: 10 }],
    [1, 3, { after_id: 40 }],
    [2, 1, { before_id: 20 }],
    [1, 2, { before_id: 40 }],
  ] as const)('moving index %i to %i', (from, to, expected) => {
    expect(moveAnchor(ids, from, to)).toEqual(expected);
  });

  it.each([
    [1, 1],
    [-1, 0],
    [0, 4],
  ])('says nothing moves from %i to %i', (from, to) => {
    expect(moveAnchor(ids, from, to)).toBeNull();
  });

  it('cannot place the only item anywhere else', () => {
    expect(moveAnchor([5], 0, 0)).toBeNull();
  });
});

describe('arrayMove and restoreAnchor', () => {
  it('moves without touching the input', () => {
    const ids = [1, 2, 3];
    expect(arrayMove(ids, 0, 2)).toEqual([2, 3, 1]);
    expect(ids).toEqual([1, 2, 3]);
  });

  it('points back at the old neighbours', () => {
    expect(restoreAnchor([1, 2, 3], 2)).toEqual({ before_id: 3 });
    expect(restoreAnchor([1, 2, 3], 3)).toEqual({ after_id: 2 });
    expect(restoreAnchor([1], 1)).toBeNull();
    expect(restoreAnchor([1, 2], 9)).toBeNull();
  });
});
