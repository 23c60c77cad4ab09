import { describe, expect, it } from 'vitest';
import { projectNameFor } from './create-plan-project';

describe('projectNameFor', () => {
  it('names the project after the goal, then numbers it when the name is taken', () => {
    expect(projectNameFor('  Mudar de casa ', 1)).toBe('Mudar de casa');
    expect(projectNameFor('Mudar de casa', 2)).toBe('Mudar de casa (2)');
  });

  it('stays within 80 characters', () => {
    const goal = 'x'.repeat(120);
    expect(projectNameFor(goal, 1)).toHaveLength(80);
    expect(projectNameFor(goal, 3)).toBe(`${'x'.repeat(76)} (3)`);
  });
});
