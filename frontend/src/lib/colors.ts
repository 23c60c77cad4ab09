/** The palette projects and labels pick from; the API stores the name, CSS gives each a shade per theme. */
export const COLORS = [
  'red',
  'orange',
  'amber',
  'yellow',
  'lime',
  'green',
  'teal',
  'cyan',
  'blue',
  'indigo',
  'violet',
  'pink',
  'brown',
  'grey',
] as const;
export type ColorName = (typeof COLORS)[number];
