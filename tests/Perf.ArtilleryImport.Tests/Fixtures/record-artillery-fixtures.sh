#!/usr/bin/env bash
# Records the Artillery fixtures of these tests on this machine (not run by the tests or CI):
#   artillery-2.0.21-run.json      the fixture profile against the stand-in server on 127.0.0.1
#   artillery-2.0.21-refused.json  the same profile with nothing listening (every request refused)
# Needs Node 20; installs Artillery 2.0.21 into a scratch prefix. Run under the machine's heavy-load lock.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../../.." && pwd)"
tools="${ARTILLERY_PREFIX:-/tmp/perftests-artillery}"
# shellcheck source=eng/packages.sh
. "$repo_root/eng/packages.sh"
[ -x "$tools/node_modules/.bin/artillery" ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 pkg_npm_install "$tools" artillery@2.0.21
artillery="$tools/node_modules/.bin/artillery"
port=18089   # the fixture profile's config.target

timeout 120 "$artillery" run "$here/artillery-fixture-profile.yml" -o "$here/artillery-2.0.21-refused.json" >/dev/null || true

timeout 120 python3 "$here/stand-in-server.py" "$port" & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
timeout 120 "$artillery" run "$here/artillery-fixture-profile.yml" -o "$here/artillery-2.0.21-run.json" >/dev/null
