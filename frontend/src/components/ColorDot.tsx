/** A project's or label's colour; always next to its name, so colour is never the only cue. */
export function ColorDot({ color }: { color: string }) {
  return <span className={`dot dot--${color}`} aria-hidden="true" />;
}
