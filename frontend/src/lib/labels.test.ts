import { describe, expect, it } from 'vitest';
import { formatLabels, parseLabels } from './labels';

describe('parseLabels', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['casa', ['casa']],
    ['casa, #urgente trabalho', ['casa', 'urgente', 'trabalho']],
    ['Casa casa CASA', ['Casa']],
    ['##dup, #dup', ['dup']],
    ['a,,b', ['a', 'b']],
  ])('%j → %j', (text, labels) => {
    expect(parseLabels(text)).toEqual(labels);
  });

  it('round-trips through the text a field shows', () => {
    expect(parseLabels(formatLabels(['home', 'errands']))).toEqual(['home', 'errands']);
  });
});
