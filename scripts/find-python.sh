#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter (3.13 preferred), or explains what is missing.
set -euo pipefail
candidates=(python3.13 "$HOME/.pyenv/versions/3.13.0/bin/python3" /usr/local/bin/python3.13 python3.12 python3)
for candidate in "${candidates[@]}"; do
  if path=$(command -v "$candidate" 2>/dev/null) || { [ -x "$candidate" ] && path=$candidate; }; then
    if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      echo "$path"
      exit 0
    fi
  fi
done
echo "certguide needs Python 3.13 (or 3.12) and found none: install python3.13 and try again." >&2
exit 1
