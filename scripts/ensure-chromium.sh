#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests, installing it when we can.
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "${CERTGUIDE_SKIP_BROWSER:-}" = "1" ]; then
  echo "Chromium is missing; browser tests will be skipped (CERTGUIDE_SKIP_BROWSER=1)." >&2
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is needed for the browser tests: run 'sudo apt-get install chromium'" \
     "(or set CERTGUIDE_SKIP_BROWSER=1 to skip those tests knowingly)." >&2
exit 1
