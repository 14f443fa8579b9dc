#!/bin/sh
# Renders a `reviewlens report` HTML file in headless Chromium and saves a
# PNG, to check by eye that the page (inline CSS/SVG, no scripts) renders.
# Bench-only: installs Debian's chromium here if missing (not a build
# dependency). Usage: bench/report_screenshot.sh REPORT.html [OUT.png]
set -eu
report=$(realpath "$1")
out=${2:-report.png}
if ! command -v chromium >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends chromium >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --screenshot="$out" --window-size=1280,2400 "file://$report" 2>/dev/null
echo "wrote $out"
