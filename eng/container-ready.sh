#!/usr/bin/env bash
# Makes this machine ready to run the suite's containers, and writes the settings the suite needs to
# eng/.perf-env (sourced by eng/test.sh and eng/run-comparison.sh).
#
# Two kinds of machine:
#  - Docker already works and images can be pulled (laptop, GitHub runner): nothing is installed or
#    started; the SUT image is built from the Dockerfile on the runtime-deps base; Redis and Mongo images
#    are the public ones; containers use bridge networks.
#  - No Docker engine and no container registry (our 2-core sandboxes): Debian's docker.io is installed,
#    dockerd starts WITHOUT its bridge and iptables (load traffic may only go to 127.0.0.1, so containers
#    use host networking), and every image is built locally from Debian packages. There is no MongoDB
#    server package, so the store is Redis and every report says "MongoDB: not run".
#
# Idempotent: a second run reuses the running daemon and skips images whose inputs did not change.
# Prints what it did. Then `. eng/.perf-env` gives a shell the settings.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_file="$repo_root/eng/.perf-env"
own_sock="/run/perftests/docker.sock"
own_data_root="/var/lib/perftests-docker"
own_exec_root="/run/perftests/exec"
own_log="/var/log/perftests-dockerd.log"
redis_image="${PERF_REDIS_IMAGE_LOCAL:-perftests/redis:local}"
base_image_local="perftests/runtime-deps:local"
sut_image="${PERF_SUT_IMAGE:-perftests/sut:local}"
bullmq_sut_image="${PERF_BULLMQ_SUT_IMAGE:-perftests/bullmq-sut:local}"

# shellcheck source=eng/packages.sh
. "$repo_root/eng/packages.sh"

say() { printf '[container-ready] %s\n' "$*"; }
fail() { printf '[container-ready] ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s%N) / 1000000 - $1 )); }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

docker_works() { timeout 10 docker info >/dev/null 2>&1; }

# Closes every descriptor above stderr in the current (sub)shell, except 255, bash's own handle on this script.
close_inherited_files() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd=${fd##*/}
    if [[ $fd =~ ^[0-9]+$ ]] && (( fd > 2 && fd != 255 )); then
      eval "exec $fd>&-"
    fi
  done
}

start_own_dockerd() {
  if ! command -v dockerd >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || fail "no Docker engine and no apt-get: install Docker, then run this again."
    say "installing Debian's docker.io (no Docker engine found)"
    local t; t=$(now_ms)
    pkg_apt_install docker.io
    say "docker.io installed in $(elapsed "$t") ms"
  fi
  export DOCKER_HOST="unix://$own_sock"
  if docker_works; then say "own dockerd already running on $own_sock"; return; fi
  pkg_as_root mkdir -p "$(dirname "$own_sock")" "$own_data_root" "$own_exec_root"
  say "starting dockerd without bridge or iptables (host networking, loopback only)"
  local t; t=$(now_ms)
  # --bridge=none/--iptables=false: no container network that could route traffic off loopback.
  # The daemon outlives this script, so it must not keep the caller's open files: a `flock LOCK ./eng/test.sh`
  # would otherwise stay locked for as long as dockerd runs (nor its standard streams: `./eng/test.sh | tee log` would
  # otherwise wait for the daemon to exit before it sees the end of the output). It gets a session of its own (setsid): a tool or a
  # terminal that ends the caller's process group or session on exit would otherwise take the daemon with it, and
  # every later run would find a dead socket.
  {
    close_inherited_files
    pkg_as_root setsid nohup dockerd --bridge=none --iptables=false --ip-masq=false \
      --data-root "$own_data_root" --exec-root "$own_exec_root" -H "unix://$own_sock" \
      --pidfile /run/perftests/dockerd.pid >"$own_log" 2>&1
  } </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    docker_works && { say "dockerd ready in $(elapsed "$t") ms"; return; }
    sleep 0.1
  done
  tail -20 "$own_log" >&2 || true
  fail "dockerd did not answer on $own_sock within 30 s (log: $own_log)"
}

# Builds a FROM-scratch Redis image from Debian's packages: the only way to get a Redis image with no registry.
build_local_redis_image() {
  if docker image inspect "$redis_image" >/dev/null 2>&1; then say "image $redis_image present"; return; fi
  local t; t=$(now_ms)
  local work; work=$(mktemp -d)
  ( cd "$work"
    pkg_apt_download . redis-server redis-tools liblzf1 libjemalloc2
    for deb in ./*.deb; do dpkg -x "$deb" pkgroot; done
    mkdir -p rootfs/usr/bin rootfs/etc/redis rootfs/data rootfs/tmp
    cp -L pkgroot/usr/bin/redis-server rootfs/usr/bin/redis-server
    cp -L pkgroot/usr/bin/redis-cli rootfs/usr/bin/redis-cli
    copy_libs rootfs pkgroot rootfs/usr/bin/redis-server rootfs/usr/bin/redis-cli
    printf 'redis:x:999:999::/data:/sbin/nologin\n' > rootfs/etc/passwd
    cat > Dockerfile <<'EOF'
FROM scratch
COPY rootfs/ /
WORKDIR /data
EXPOSE 6379
ENTRYPOINT ["/usr/bin/redis-server"]
EOF
    docker build -q -t "$redis_image" . >/dev/null 2>/tmp/perftests-docker-build.log || { cat /tmp/perftests-docker-build.log >&2; exit 1; } )
  rm -rf "$work"
  say "built $redis_image from Debian packages in $(elapsed "$t") ms"
}

# Copies the shared libraries a set of binaries needs (as ldd lists them, resolved against an extracted
# package root first) into a root filesystem, plus the dynamic loader.
copy_libs() {
  local rootfs=$1 pkgroot=$2; shift 2
  local lib
  for bin in "$@"; do
    LD_LIBRARY_PATH="$PWD/$pkgroot/usr/lib/x86_64-linux-gnu" ldd "$bin" | awk '/=>/ {print $3} /ld-linux/ {print $1}' | while read -r lib; do
      [ -n "$lib" ] && [ -e "$lib" ] || continue
      local dest="${lib#"$PWD/$pkgroot"}"
      dest="${dest#//}"; dest="/${dest#/}"
      mkdir -p "$rootfs$(dirname "$dest")"
      cp -L "$lib" "$rootfs$dest"
    done
  done
}

# A local stand-in for mcr.microsoft.com/dotnet/runtime-deps: the native libraries a self-contained .NET
# app loads (including the ones it dlopens: OpenSSL, zlib), copied from this Debian host.
build_local_base_image() {
  if docker image inspect "$base_image_local" >/dev/null 2>&1; then say "image $base_image_local present"; return; fi
  local t; t=$(now_ms)
  local work; work=$(mktemp -d)
  ( cd "$work"
    mkdir -p rootfs/tmp rootfs/etc/ssl rootfs/app rootfs/lib64
    for lib in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libstdc++.so.6 libgcc_s.so.1 \
               libssl.so.3 libcrypto.so.3 libz.so.1; do
      src=$(readlink -f "/lib/x86_64-linux-gnu/$lib") || fail "host library $lib missing"
      mkdir -p rootfs/lib/x86_64-linux-gnu
      cp "$src" "rootfs/lib/x86_64-linux-gnu/$lib"
    done
    cp -L /lib64/ld-linux-x86-64.so.2 rootfs/lib64/
    cp -rL /etc/ssl/certs rootfs/etc/ssl/ 2>/dev/null || true
    printf 'app:x:1654:1654::/app:/sbin/nologin\n' > rootfs/etc/passwd
    printf 'app:x:1654:\n' > rootfs/etc/group
    printf 'FROM scratch\nCOPY rootfs/ /\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1\n' > Dockerfile
    docker build -q -t "$base_image_local" . >/dev/null 2>/tmp/perftests-docker-build.log || { cat /tmp/perftests-docker-build.log >&2; exit 1; } )
  rm -rf "$work"
  say "built $base_image_local in $(elapsed "$t") ms"
}

# The SUT image: self-contained, ReadyToRun publish output (less JIT during the first seconds of load) onto
# the base image. Rebuilt when the source (its contracts project included) or this recipe changed.
build_sut_image() {
  local base=$1
  local stamp; stamp=$(cd "$repo_root" && find src/SystemUnderTest src/SystemUnderTest.Contracts Dockerfile Directory.Build.props Directory.Packages.props eng/container-ready.sh \
      -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  if [ "$(docker image inspect -f '{{ index .Config.Labels "perftests.source" }}' "$sut_image" 2>/dev/null)" = "$stamp-$base" ]; then
    say "image $sut_image up to date"; return
  fi
  local t; t=$(now_ms)
  local out="$repo_root/artifacts/publish/sut"
  rm -rf "$out"
  dotnet publish "$repo_root/src/SystemUnderTest/SystemUnderTest.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishReadyToRun=true -o "$out" -v quiet -nologo >/dev/null
  docker build -q -f "$repo_root/Dockerfile" --build-arg "BASE_IMAGE=$base" --label "perftests.source=$stamp-$base" \
    -t "$sut_image" "$out" >/dev/null 2>/tmp/perftests-docker-build.log || { cat /tmp/perftests-docker-build.log >&2; exit 1; }
  say "built $sut_image on $base in $(elapsed "$t") ms"
}

# The BullMQ system under test (src/BullmqSystemUnderTest): its `npm ci --omit=dev` output on Node 20. Online, from
# the official node:20-slim image (its Dockerfile); offline, FROM scratch with this machine's own node binary and the
# libraries ldd lists. Rebuilt when its source, this recipe or (offline) the node binary changed.
build_bullmq_sut_image() {
  local offline=$1
  local project="$repo_root/src/BullmqSystemUnderTest"
  local stamp; stamp=$(cd "$repo_root" && find src/BullmqSystemUnderTest eng/container-ready.sh -type f -not -path '*/node_modules/*' -not -path '*/test/*' \
      -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  local node_bin=""
  if [ "$offline" = 1 ]; then
    node_bin=$(command -v node) || fail "node not found: the offline BullMQ image is built from this machine's Node 20 (Debian: nodejs)."
    [[ "$(node --version)" == v20.* ]] || fail "node $(node --version) found; the BullMQ image needs Node 20."
    stamp="$stamp-$(node --version)-offline"
  fi
  if [ "$(docker image inspect -f '{{ index .Config.Labels "perftests.source" }}' "$bullmq_sut_image" 2>/dev/null)" = "$stamp" ]; then
    say "image $bullmq_sut_image up to date"; return
  fi
  local t; t=$(now_ms)
  if [ "$offline" = 0 ]; then
    docker build -q --label "perftests.source=$stamp" -t "$bullmq_sut_image" "$project" >/dev/null 2>/tmp/perftests-docker-build.log ||
      { cat /tmp/perftests-docker-build.log >&2; exit 1; }
    say "built $bullmq_sut_image on node:20-slim in $(elapsed "$t") ms"
    return
  fi
  command -v npm >/dev/null 2>&1 || fail "npm not found: the offline BullMQ image needs npm to install its dependencies (Debian: npm)."
  local work; work=$(mktemp -d)
  ( cd "$work"
    mkdir -p rootfs/app rootfs/usr/local/bin rootfs/tmp rootfs/etc
    cp "$project/package.json" "$project/package-lock.json" rootfs/app/
    cp -r "$project/src" rootfs/app/src
    ( cd rootfs/app && npm ci --omit=dev --no-audit --no-fund --silent >/dev/null 2>/tmp/perftests-bullmq-npm-ci.log ) ||
      fail "npm ci --omit=dev for the BullMQ image failed: see /tmp/perftests-bullmq-npm-ci.log"
    cp -L "$node_bin" rootfs/usr/local/bin/node
    copy_libs rootfs none rootfs/usr/local/bin/node
    chmod 1777 rootfs/tmp
    printf 'node:x:1000:1000::/app:/sbin/nologin\n' > rootfs/etc/passwd
    printf 'node:x:1000:\n' > rootfs/etc/group
    cat > Dockerfile <<'EOF_DOCKERFILE'
FROM scratch
COPY rootfs/ /
WORKDIR /app
ENV NODE_ENV=production
USER 1000
ENTRYPOINT ["/usr/local/bin/node", "/app/src/main.js"]
EOF_DOCKERFILE
    docker build -q --label "perftests.source=$stamp" -t "$bullmq_sut_image" . >/dev/null 2>/tmp/perftests-docker-build.log ||
      { cat /tmp/perftests-docker-build.log >&2; exit 1; } )
  rm -rf "$work"
  say "built $bullmq_sut_image from this machine's node $(node --version) in $(elapsed "$t") ms"
}

# Writes a line of eng/.perf-env that keeps a value the caller already set and otherwise sets VALUE, quoted with
# printf %q: the file is sourced by other scripts, so a value is data, never shell code.
export_default() {
  printf '[ -n "${%s:-}" ] || %s=%q; export %s\n' "$1" "$1" "$2" "$1"
}

main() {
  local t0; t0=$(now_ms)
  local offline=0 network_mode store
  if [ -n "${DOCKER_HOST:-}" ] || [ -S /var/run/docker.sock ]; then
    if docker_works; then say "Docker engine found: $(docker version -f '{{.Server.Version}} (API {{.Server.APIVersion}})')"; fi
  fi
  if ! docker_works; then
    start_own_dockerd
    offline=1
  fi
  local api; api=$(docker version -f '{{.Server.APIVersion}}')
  if [ "${PERF_OFFLINE:-}" = 1 ]; then offline=1; fi
  if [ $offline = 0 ] && ! docker image inspect redis:7.2 >/dev/null 2>&1; then
    timeout 120 docker pull -q redis:7.2 >/dev/null 2>&1 || { say "no registry reachable: building images locally"; offline=1; }
  fi
  if docker network inspect bridge >/dev/null 2>&1; then network_mode=bridge; else network_mode=host; fi

  local redis base mongo
  if [ $offline = 1 ]; then
    build_local_redis_image; build_local_base_image
    redis=$redis_image; base=$base_image_local; mongo=""; store=redis
  else
    redis=redis:7.2; base=mcr.microsoft.com/dotnet/runtime-deps:10.0; mongo=mongo:7.0; store=mongo
    docker image inspect "$mongo" >/dev/null 2>&1 || docker pull -q "$mongo" >/dev/null
  fi
  build_sut_image "$base"
  build_bullmq_sut_image "$offline"

  {
    echo "# written by eng/container-ready.sh on $(date -u +%FT%TZ)"
    [ -n "${DOCKER_HOST:-}" ] && printf 'export DOCKER_HOST=%q\n' "$DOCKER_HOST"
    # Testcontainers 4.16 asks for a newer API than Debian's 20.10 engine serves unless told.
    printf 'export DOCKER_API_VERSION=%q\n' "$api"
    # The Ryuk reaper image cannot be pulled without a registry; the suite removes its own containers.
    [ $offline = 1 ] && echo "export TESTCONTAINERS_RYUK_DISABLED=true"
    export_default PERF_NETWORK_MODE "$network_mode"
    export_default PERF_REDIS_IMAGE "$redis"
    export_default PERF_SUT_IMAGE "$sut_image"
    export_default PERF_BULLMQ_SUT_IMAGE "$bullmq_sut_image"
    export_default PERF_MONGO_IMAGE "$mongo"
    export_default PERF_STORE "$store"
  } > "$env_file"
  say "settings written to eng/.perf-env: network=$network_mode store=$store redis=$redis sut=$sut_image bullmq-sut=$bullmq_sut_image (ready in $(elapsed "$t0") ms)"
}

main "$@"
