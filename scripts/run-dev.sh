#!/usr/bin/env bash
# `make run`: the development server with the task worker and the scheduler beside it.
# Usage: scripts/run-dev.sh PYTHON HOST PORT
# Ctrl-C, a SIGTERM, or any of the three stopping stops all three (and their reloaders).
set -euo pipefail
python=$1 host=$2 port=$3

# Job control: each background command gets a process group of its own, so stopping one stops
# the autoreloader's child process with it.
set -m
groups=()
stop_all() {
    trap - EXIT INT TERM
    for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$python" manage.py db_worker --interval 2 &
groups+=($!)
"$python" manage.py crontask --no-heartbeat &
groups+=($!)
"$python" manage.py runserver "$host:$port" &
groups+=($!)
echo "run-dev: web server, task worker and scheduler started (Ctrl-C stops all three)"
# Whichever stops first (or a signal) ends the script, and the EXIT trap stops the others.
wait -n || true
