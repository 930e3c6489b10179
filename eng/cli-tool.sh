#!/usr/bin/env bash
# Makes `dotnet perf` work in this clone: packs src/Perf.Cli as a .NET tool into eng/tool-feed (the package source
# NuGet.config names) and runs `dotnet tool restore` for the local tool manifest .config/dotnet-tools.json.
# NuGet keeps a restored tool by id and version in its global packages folder and would keep serving the first
# package of that version, so the cached copy is removed first: `dotnet perf` then always runs this checkout's CLI.
# --no-build packs the Release build already made (eng/test.sh builds first).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

build=()
[ "${1:-}" = "--no-build" ] && build=(--no-build)

package_id=$(python3 -c 'import json,sys; print(next(iter(json.load(open(sys.argv[1]))["tools"])))' .config/dotnet-tools.json)
version=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["tools"]; print(d[next(iter(d))]["version"])' .config/dotnet-tools.json)

dotnet pack src/Perf.Cli/Perf.Cli.csproj -c Release "${build[@]}" -o eng/tool-feed -nologo -v quiet >/tmp/perftests-cli-pack.log 2>&1 ||
  { cat /tmp/perftests-cli-pack.log >&2; echo "[cli-tool] ERROR: dotnet pack of src/Perf.Cli failed (log above)" >&2; exit 1; }
[ -n "$(find eng/tool-feed -maxdepth 1 -iname "$package_id.$version.nupkg" -print -quit)" ] ||
  { echo "[cli-tool] ERROR: no $package_id $version package in eng/tool-feed: the version in src/Perf.Cli/Perf.Cli.csproj and .config/dotnet-tools.json must match" >&2; exit 1; }

global_packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
# The global packages folder names packages by their lower-case id.
rm -rf "${global_packages:?}/${package_id,,}/$version"
dotnet tool restore >/tmp/perftests-tool-restore.log 2>&1 ||
  { cat /tmp/perftests-tool-restore.log >&2; echo "[cli-tool] ERROR: dotnet tool restore failed (log above)" >&2; exit 1; }
echo "[cli-tool] dotnet perf is $package_id $version, packed from src/Perf.Cli"
