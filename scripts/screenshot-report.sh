#!/usr/bin/env bash
# Renders a report.html in headless Chromium (Debian package `chromium`) and saves a PNG screenshot, then
# checks that the plots rendered: the report has embedded PNG plots, Chromium wrote a non-trivial screenshot,
# and the screenshot is not a blank page (it has many distinct colours).
#
#   scripts/screenshot-report.sh RUN_DIR_OR_REPORT_HTML [OUT.png] [WIDTHxHEIGHT]
#
# Exit codes: 0 ok, 1 check failed, 3 chromium missing (install with: apt-get install -y chromium).
set -euo pipefail
in="${1:?usage: scripts/screenshot-report.sh RUN_DIR_OR_REPORT_HTML [OUT.png] [WIDTHxHEIGHT]}"
html="$in"; [[ -d "$in" ]] && html="$in/report.html"
[[ -f "$html" ]] || { echo "screenshot: no report at $html" >&2; exit 1; }
html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
out="${2:-$(dirname "$html")/report-screenshot.png}"
size="${3:-1200x3000}"
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
[[ -n "$browser" ]] || { echo "screenshot: chromium not found (apt-get install -y chromium)" >&2; exit 3; }
imgs=$(grep -o 'data:image/png;base64,' "$html" | wc -l)
(( imgs > 0 )) || { echo "screenshot: $html embeds no plots" >&2; exit 1; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$out" "file://$html" >/dev/null 2>&1 || true
[[ -s "$out" ]] || { echo "screenshot: chromium wrote no screenshot" >&2; exit 1; }
bytes=$(stat -c %s "$out")
# a blank page compresses to a few kB; rendered plots and tables make it far larger
(( bytes > 30000 )) || { echo "screenshot: $out is only $bytes bytes: the page looks blank" >&2; exit 1; }
echo "screenshot: $out ($bytes bytes, $imgs embedded plots)"
