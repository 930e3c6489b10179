# Sourced by the eng/ scripts: installs what a step needs from the machine's registries, so a brand-new
# machine (empty apt lists, no npm or NuGet cache) works as well as one that ran the suite before.
# Every failure is one line that names what was missing and what to do, then exit 1.

pkg_fail() { printf '[packages] ERROR: %s\n' "$*" >&2; exit 1; }

# apt's signature check writes to /dev/null as an unprivileged user; a /dev/null that some earlier command replaced
# with a regular file (an atomic "write then rename" onto it does that) makes every apt-get update fail.
pkg_check_dev_null() {
  [ -c /dev/null ] && return 0
  if [ "$(id -u)" = 0 ]; then
    printf '[packages] /dev/null is not a character device (replaced by a file?): recreating it\n' >&2
    rm -f /dev/null && mknod -m 666 /dev/null c 1 3 && return 0
  fi
  pkg_fail "/dev/null is not a character device, so apt cannot verify package lists: recreate it as root (mknod -m 666 /dev/null c 1 3)."
}

pkg_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# apt's lists are refreshed at most once per process tree, and only when a package is to be installed or
# downloaded: a new machine has none, and `apt-get install` then fails with "Unable to locate package".
pkg_apt_refresh_once() {
  [ "${PERF_APT_REFRESHED:-}" = 1 ] && return 0
  # Lists refreshed within the hour (by an earlier step of the same CI run) are used as they are.
  if [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 -print -quit 2>/dev/null)" ]; then
    export PERF_APT_REFRESHED=1; return 0
  fi
  pkg_check_dev_null
  command -v apt-get >/dev/null 2>&1 || pkg_fail "apt-get not found: install $* with this system's package manager, then run this again."
  printf '[packages] refreshing apt package lists (apt-get update)\n'
  pkg_as_root apt-get update -qq >/dev/null 2>/tmp/perftests-apt-update.log ||
    pkg_fail "apt-get update failed (Debian's package registry unreachable?): see /tmp/perftests-apt-update.log; fix the apt sources or the network, then run this again."
  export PERF_APT_REFRESHED=1
}

# pkg_apt_install PACKAGE... : installs the Debian packages that are not installed yet.
pkg_apt_install() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  pkg_apt_refresh_once "${missing[*]}"
  printf '[packages] installing Debian packages: %s\n' "${missing[*]}"
  DEBIAN_FRONTEND=noninteractive pkg_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >/dev/null 2>/tmp/perftests-apt-install.log ||
    pkg_fail "could not install Debian package(s) ${missing[*]}: $(grep -m1 '^E:' /tmp/perftests-apt-install.log || echo 'see /tmp/perftests-apt-install.log'); check that Debian's registry serves them, or install them by hand."
}

# pkg_apt_download DIR PACKAGE... : downloads .deb files (not installed) into DIR.
pkg_apt_download() {
  local dir=$1; shift
  ( cd "$dir" && apt-get download "$@" >/dev/null 2>&1 ) && return 0
  pkg_apt_refresh_once "$*"
  ( cd "$dir" && apt-get download "$@" >/dev/null 2>/tmp/perftests-apt-download.log ) ||
    pkg_fail "could not download Debian package(s) $*: $(grep -m1 '^E:' /tmp/perftests-apt-download.log || echo 'see /tmp/perftests-apt-download.log'); check that Debian's registry serves them."
}

# pkg_npm_install PREFIX PACKAGE@VERSION... : installs npm packages into a local prefix.
pkg_npm_install() {
  local prefix=$1; shift
  command -v npm >/dev/null 2>&1 || pkg_fail "npm not found: install Node.js 20 and npm (Debian: nodejs npm), then run this again."
  npm install --prefix "$prefix" --no-audit --no-fund --silent "$@" >/dev/null 2>/tmp/perftests-npm-install.log ||
    pkg_fail "npm could not install $* (npm registry unreachable?): $(grep -m1 -i 'err' /tmp/perftests-npm-install.log || echo 'see /tmp/perftests-npm-install.log')"
}

# pkg_dotnet_restore PATH : restores NuGet packages, failing with the first package the feed did not serve.
pkg_dotnet_restore() {
  dotnet restore "$1" -nologo -v quiet >/tmp/perftests-restore.log 2>&1 ||
    pkg_fail "NuGet restore of $1 failed: $(grep -m1 -E 'error (NU|MSB)[0-9]+' /tmp/perftests-restore.log | sed 's/^ *//' || echo 'see /tmp/perftests-restore.log'); check that the NuGet feed serves it."
}

# pkg_chromium : the headless browser the HTML report test opens (tests/Perf.Scenarios.Tests/Html): PERF_CHROMIUM when
# set, else Debian's chromium or Google Chrome; on a Debian machine without one, Debian's chromium (and a font, so the
# test's screenshot shows text). Playwright's Node driver ships inside its NuGet package and never downloads a browser.
# Without apt and without a browser, CI fails here; a developer's run goes on and the test says it was skipped and why.
pkg_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -n "${PERF_CHROMIUM:-}" ]; then
    [ -x "$PERF_CHROMIUM" ] || pkg_fail "PERF_CHROMIUM=$PERF_CHROMIUM is not an executable file: point it at a Chromium or Chrome binary, or unset it."
    return 0
  fi
  local p
  for p in /usr/bin/chromium /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    [ -x "$p" ] && return 0
  done
  if ! command -v apt-get >/dev/null 2>&1 && [ -z "${CI:-}" ]; then
    printf '[packages] no Chromium and no apt-get: the HTML report test will be skipped (set PERF_CHROMIUM=/path/to/chromium to run it)\n' >&2
    return 0
  fi
  pkg_apt_install chromium fonts-dejavu-core
  [ -x /usr/bin/chromium ] || pkg_fail "Debian's chromium installed but /usr/bin/chromium is missing: set PERF_CHROMIUM=/path/to/chromium."
}

# pkg_npm_ci DIR : installs DIR's npm packages exactly as its package-lock.json pins them (npm ci), unless
# DIR/node_modules was installed from that lock already (npm ci leaves node_modules/.package-lock.json, newer than the lock).
pkg_npm_ci() {
  local dir=$1
  [ -f "$dir/node_modules/.package-lock.json" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ] && return 0
  command -v npm >/dev/null 2>&1 || pkg_fail "npm not found: install Node.js 20 and npm (Debian: nodejs npm), then run this again."
  printf '[packages] npm ci in %s\n' "$dir"
  npm ci --prefix "$dir" --no-audit --no-fund --silent >/dev/null 2>/tmp/perftests-npm-ci.log ||
    pkg_fail "npm ci in $dir failed (npm registry unreachable?): $(grep -m1 -i 'err' /tmp/perftests-npm-ci.log || echo 'see /tmp/perftests-npm-ci.log')"
}
