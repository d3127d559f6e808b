#!/usr/bin/env bash
# Makes sure Debian's wrk is installed: `make bench` drives its load with it.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's wrk for the benchmark..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  exit 0
fi
echo "wrk is needed for the benchmark: run 'sudo apt-get install wrk'." >&2
exit 1
