#!/usr/bin/env bash
# The BullMQ system under test's own tests (src/BullmqSystemUnderTest): npm ci from its lockfile, then node's test
# runner, with JUnit XML for eng/results_summary.py. The integration tests start their own redis-server processes
# on free loopback ports; the binary is Debian's, unpacked into eng/.tools/redis (not installed, so no system
# service is started) unless redis-server is already on PATH or PERF_REDIS_SERVER names one.
#   bash eng/bullmq-test.sh [--junit FILE]
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$repo_root/src/BullmqSystemUnderTest"
junit="$repo_root/artifacts/test-results/junit/bullmq-sut.xml"
if [ "${1:-}" = "--junit" ]; then junit=$(realpath -m "$2"); fi
# shellcheck source=eng/packages.sh
. "$repo_root/eng/packages.sh"

redis_server() {
  if [ -n "${PERF_REDIS_SERVER:-}" ]; then
    [ -x "$PERF_REDIS_SERVER" ] || pkg_fail "PERF_REDIS_SERVER=$PERF_REDIS_SERVER is not an executable file."
    echo "$PERF_REDIS_SERVER"; return
  fi
  if command -v redis-server >/dev/null 2>&1; then command -v redis-server; return; fi
  local root="$repo_root/eng/.tools/redis"
  if ! [ -x "$root/usr/bin/redis-server" ]; then
    echo "[bullmq-test] unpacking Debian's redis-server into eng/.tools/redis" >&2
    local work; work=$(mktemp -d)
    pkg_apt_download "$work" redis-server redis-tools liblzf1 libjemalloc2
    mkdir -p "$root"
    for deb in "$work"/*.deb; do dpkg -x "$deb" "$root"; done
    rm -rf "$work"
  fi
  # A wrapper so the unpacked libraries are found without installing them.
  cat > "$root/redis-server" <<WRAP
#!/bin/sh
LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$root/usr/bin/redis-server" "\$@"
WRAP
  chmod +x "$root/redis-server"
  echo "$root/redis-server"
}

command -v node >/dev/null 2>&1 || pkg_fail "node not found: install Node.js 20 (Debian: nodejs npm), then run this again."
command -v npm >/dev/null 2>&1 || pkg_fail "npm not found: install npm (Debian: npm), then run this again."
PERF_REDIS_SERVER=$(redis_server)
export PERF_REDIS_SERVER
"$PERF_REDIS_SERVER" --version

cd "$project"
npm ci --no-audit --no-fund --silent >/dev/null 2>/tmp/perftests-bullmq-npm-ci.log ||
  pkg_fail "npm ci in src/BullmqSystemUnderTest failed: $(grep -m1 -i 'err' /tmp/perftests-bullmq-npm-ci.log || echo 'see /tmp/perftests-bullmq-npm-ci.log')"
mkdir -p "$(dirname "$junit")"
# One test file at a time: the integration tests each start a Redis and worker processes on a 2-core machine.
node --test --test-concurrency=1 \
  --test-reporter=junit --test-reporter-destination="$junit" \
  --test-reporter=spec --test-reporter-destination=stdout \
  test/*.test.js
