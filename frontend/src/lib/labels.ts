/**
 * Labels as people type them: "casa, #urgente trabalho" → ["casa", "urgente", "trabalho"].
 * Separated by commas or spaces, a leading # dropped, duplicates (any case) kept once.
 */
export function parseLabels(text: string): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const label = raw.replace(/^#+/, '');
    const key = label.toLocaleLowerCase();
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

export function formatLabels(labels: readonly string[]): string {
  return labels.join(', ');
}
