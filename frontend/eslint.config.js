import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every folder under src/features is a feature; a new one is covered without editing this file. */
const features = readdirSync(fileURLToPath(new URL('./src/features', import.meta.url)), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Imports point one way: app → features → components, lib, config, i18n (bulletproof-react's
 * import/no-restricted-paths zones). A feature reaches another only through its public entry,
 * `features/<name>/index.ts`.
 */
const layerZones = [
  ...['lib', 'components', 'config', 'i18n'].map((shared) => ({
    target: `./src/${shared}`,
    from: ['./src/app', './src/features'],
    message: 'Shared code must not import from app/ or features/; pass what it needs in.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features must not import from app/; the app composes features, not the reverse.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [
      `./${feature}`,
      ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`),
    ],
    message: `Features import each other only through features/<name>/index.ts; move shared code to src/lib or src/components.`,
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'e2e/artifacts',
      'test-results',
      'playwright-report',
      'src/lib/api/schema.ts',
      // Deliberately broken code that src/testing/lint-rules.test.ts lints with ignore: false.
      'lint-fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: [
      'e2e/**/*.ts',
      'eslint.config.js',
      'vite.config.ts',
      'playwright.config.ts',
      'scripts/**/*.{js,mjs,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
    // Playwright fixtures call `use`, which is not React's hook.
    rules: { 'no-console': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
