// Half of an import cycle that src/testing/lint-rules.test.ts expects ESLint to report.
import { second } from './second';

export const first = (): string => `first then ${second()}`;
