/// <reference types="node" />
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own ESLint config, fixtures included (the normal lint ignores lint-fixtures/). */
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });

async function problems(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, line }) => ({ ruleId, line }));
}

describe('the structure lint rules', () => {
  it('report an import cycle', async () => {
    const results = await eslint.lintFiles(['lint-fixtures/cycle/first.ts']);
    expect(results.flatMap((result) => result.messages.map((m) => [m.ruleId, m.line]))).toEqual([
      ['import-x/no-cycle', 2],
    ]);
  });

  it.each([
    ['src/lib/backward.ts', "import { useTasks } from '@/features/tasks/api/get-tasks';"],
    ['src/components/Backward.tsx', "import { AppRoutes } from '../app/router';"],
    ['src/features/tasks/backward.ts', "import { AppRoutes } from '@/app/router';"],
    [
      'src/features/tasks/cross.ts',
      "import { useProjects } from '@/features/projects/api/get-projects';",
    ],
    ['src/features/labels/cross.ts', "import { useTasks } from '../tasks/api/get-tasks';"],
  ])('report a backward or cross-feature import in %s', async (filePath, line) => {
    expect(
      await problems(`${line}\nexport const used = [${importedName(line)}];\n`, filePath),
    ).toEqual([{ ruleId: 'import-x/no-restricted-paths', line: 1 }]);
  });

  it.each([
    ['src/app/forward.ts', "import { useTasks } from '@/features/tasks/api/get-tasks';"],
    ['src/features/tasks/inside.ts', "import { useTasks } from './api/get-tasks';"],
    ['src/features/tasks/shared.ts', "import { paths } from '@/config/paths';"],
  ])('allow a forward import in %s', async (filePath, line) => {
    expect(
      await problems(`${line}\nexport const used = [${importedName(line)}];\n`, filePath),
    ).toEqual([]);
  });

  it('report inaccessible markup (jsx-a11y)', async () => {
    const code = 'export const Picture = () => <img src="/cat.png" />;\n';
    expect(await problems(code, 'src/components/Picture.tsx')).toEqual([
      { ruleId: 'jsx-a11y/alt-text', line: 1 },
    ]);
  });
});

function importedName(line: string): string {
  return /\{ (\w+) \}/.exec(line)?.[1] ?? '';
}
