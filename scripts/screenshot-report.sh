#!/usr/bin/env bash
# Renders a report.html in headless Chromium (Debian package `chromium`), checks that it loads cleanly, and saves a
# PNG screenshot:
#   1. the check: a copy of the report with a small script added (the report itself has none) is loaded and its DOM
#      dumped; the script records every <img> that did not load (naturalWidth 0) and every error event or
#      console.error, and Chromium's own console log (stderr) must have no "Uncaught" error;
#   2. the screenshot of the report itself, which must not be a blank page.
#
#   scripts/screenshot-report.sh [--check-only] RUN_DIR_OR_REPORT_HTML [OUT.png] [WIDTHxHEIGHT]
#
# Prints "report check: N images, all loaded, no console errors" and the screenshot's size.
# Exit codes: 0 ok, 1 check failed, 3 chromium missing (install with: apt-get install -y chromium).
set -euo pipefail
check_only=0
if [[ "${1:-}" == --check-only ]]; then check_only=1; shift; fi
in="${1:?usage: scripts/screenshot-report.sh [--check-only] RUN_DIR_OR_REPORT_HTML [OUT.png] [WIDTHxHEIGHT]}"
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
imgs=$(grep -o '<img ' "$html" | wc -l)
(( imgs > 0 )) || { echo "screenshot: $html has no figures" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --disable-dev-shm-usage
  --hide-scrollbars --user-data-dir="$work/profile")

# 1. the check (the added script avoids '&' and '\', which awk's sub() would read as special)
cat > "$work/check.js" <<'EOF'
<script>
window.htsgdErrors = [];
window.addEventListener('error', function (e) { window.htsgdErrors.push(String(e.message || 'error event')); }, true);
(function () {
  var original = console.error;
  console.error = function () { window.htsgdErrors.push(Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); };
})();
window.addEventListener('load', function () {
  var im = document.images, broken = [];
  for (var i = 0; i < im.length; i++) {
    if (!im[i].complete || !(im[i].naturalWidth > 0)) { broken.push('image not loaded: ' + (im[i].alt || i)); }
  }
  var p = document.createElement('pre');
  p.id = 'htsgd-check';
  p.textContent = 'HTSGD-CHECK images=' + im.length + ' broken=' + broken.length + ' errors=' + window.htsgdErrors.length
      + ' :: ' + broken.concat(window.htsgdErrors).join(' | ');
  document.body.appendChild(p);
});
</script>
EOF
awk -v f="$work/check.js" 'BEGIN { while ((getline l < f) > 0) s = s l "\n" }
  !done && /<head>/ { sub(/<head>/, "<head>" s); done = 1 } { print }' "$html" > "$work/check.html"
timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=10000 --enable-logging=stderr --v=0 \
  --dump-dom "file://$work/check.html" > "$work/dom.html" 2> "$work/console.log" || true
result=$(grep -o '<pre id="htsgd-check">[^<]*' "$work/dom.html" | sed 's/.*>//' || true)
[[ -n "$result" ]] || { echo "report check: the page did not finish loading (no result in the DOM)" >&2; exit 1; }
uncaught=$(grep 'CONSOLE' "$work/console.log" | grep -i 'uncaught\|error' || true)
loaded=$(sed -n 's/.*images=\([0-9]*\).*/\1/p' <<<"$result")
if [[ "$result" != *"broken=0 errors=0"* || -n "$uncaught" || "$loaded" != "$imgs" ]]; then
  echo "report check failed for $html: $result (expected $imgs images)${uncaught:+; console: $uncaught}" >&2
  exit 1
fi
echo "report check: $imgs images, all loaded, no console errors"
(( check_only )) && exit 0

# 2. the screenshot
timeout 120 "$browser" "${flags[@]}" --window-size="${size/x/,}" --screenshot="$out" "file://$html" >/dev/null 2>&1 || true
[[ -s "$out" ]] || { echo "screenshot: chromium wrote no screenshot" >&2; exit 1; }
bytes=$(stat -c %s "$out")
# a blank page compresses to a few kB; rendered plots and tables make it far larger
(( bytes > 30000 )) || { echo "screenshot: $out is only $bytes bytes: the page looks blank" >&2; exit 1; }
echo "screenshot: $out ($bytes bytes, $imgs figures)"
