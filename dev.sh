#!/usr/bin/env bash
# Project tasks for a Debian 12 machine:
#   ./dev.sh deps    install the Debian packages reviewlens needs (root or sudo)
#   ./dev.sh build   configure and build into ./build
#   ./dev.sh test    deps + build + every test through ctest
#   ./dev.sh demo    deps + build + run reviewlens on the bundled sample corpus
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

# Build, runtime, test and benchmark dependencies; all Debian 12 packages.
PACKAGES=(
  build-essential cmake pkg-config
  libpoppler-cpp-dev libicu-dev libxapian-dev libre2-dev libyaml-cpp-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev catch2
  libcairo2-dev fonts-dejavu-core qpdf poppler-utils libxxhash-dev
  xapian-omega xapian-tools libsimdjson-dev libmimalloc-dev
)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  # ccache is optional: when present it makes rebuilds in fresh clones cheap.
  local launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

run_tests() {
  deps
  build
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
}

demo() {
  deps
  build
  local bin="$BUILD_DIR/cli/reviewlens"
  local index=${DEMO_INDEX:-$BUILD_DIR/demo-index}
  # The demo keeps its own index so it never touches a user's real library.
  export REVIEWLENS_INDEX="$index"
  run() { echo; echo "\$ reviewlens $*"; "$bin" "$@"; }
  run ingest corpus/sample
  run status
  run search --theme babies --theme information_sharing --type lcspr --type rapid_review --from 2021 --limit 3
  run search 'MARAC NEAR referral' --by-document --limit 3
  run search DA --theme whole_family --limit 2
  run show northbridge-child-a-2022 --theme domestic_abuse
  if "$bin" stats --help >/dev/null 2>&1; then
    run stats --by theme
    run stats --by fact
  fi
  echo
  echo "Index: $index (try: $bin search --index $index 'father never spoken to')"
}

case "${1:-}" in
  deps) deps ;;
  build) build ;;
  test) run_tests ;;
  demo) demo ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac
