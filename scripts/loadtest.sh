#!/usr/bin/env bash
# The load check: gunicorn in production mode on 127.0.0.1 at a free port, 50 signed-in people
# for 60 s (locust, headless), then the figures. Fails unless every request succeeded.
# Uses a fresh SQLite database unless DATABASE_URL is set. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
USERS=${LOADTEST_USERS:-50}
DURATION=${LOADTEST_SECONDS:-60}
WORK=$(mktemp -d /tmp/certguide-load.XXXXXX)
SERVER_PID=""
LOCUST_PID=""

cleanup() {
  for pid in $LOCUST_PID $SERVER_PID; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $LOCUST_PID $SERVER_PID; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DJANGO_DEBUG=false
DJANGO_SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_LOG_LEVEL=WARNING
# The load sends no mail; production settings refuse to start without a mailer.
export DJANGO_EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
export DATABASE_URL=${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}
export LOADTEST_SEED="$WORK/seed.json"

"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py sync_catalog >/dev/null
"$PY" manage.py collectstatic --noinput -v 0
"$PY" scripts/loadtest_seed.py "$LOADTEST_SEED" "$USERS"

# Keep-alive outlasts the users' pauses (1-3 s): a connection the server closes just as a
# client reuses it would count as a failed request that says nothing about the site.
"$PY" -m gunicorn certguide.wsgi --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
  --keep-alive 10 --log-level warning --no-control-socket --error-logfile "$WORK/gunicorn.log" &
SERVER_PID=$!
for _ in $(seq 300); do
  "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz', timeout=1)" \
    2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/gunicorn.log" >&2; exit 1; }
  sleep 0.1
done

echo "gunicorn (2 workers x 4 threads) on 127.0.0.1:$PORT; $USERS people for ${DURATION}s..."
# timeout bounds the run even if locust does not stop by itself.
timeout --signal=INT --kill-after=10 $((DURATION + 60)) \
  .venv/bin/locust -f scripts/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  --users "$USERS" --spawn-rate 10 --run-time "${DURATION}s" --stop-timeout 5 \
  --csv "$WORK/load" --only-summary --loglevel WARNING >"$WORK/locust.log" 2>&1 &
LOCUST_PID=$!
status=0
wait "$LOCUST_PID" || status=$?
LOCUST_PID=""

"$PY" scripts/loadtest_report.py "$WORK/load" || status=1
if grep -q "Traceback\|ERROR" "$WORK/gunicorn.log"; then
  echo "gunicorn logged errors:" >&2
  cat "$WORK/gunicorn.log" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "The load check failed (exit $status); locust said:" >&2
  tail -n 40 "$WORK/locust.log" >&2
fi
exit "$status"
