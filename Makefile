# certguide: the README's commands. `make run` and `make test` work on a fresh machine.
VENV := .venv
PY := $(VENV)/bin/python
PIP := PIP_CONSTRAINT=$(CURDIR)/constraints.txt PIP_DISABLE_PIP_VERSION_CHECK=1 $(VENV)/bin/pip
DEV_ENV := DJANGO_DEBUG=true
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres screenshots lint format setup bench bench-postgres backup restore \
	loadtest mutation clean

$(PY):
	"$$(scripts/find-python.sh)" -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt constraints.txt | $(PY)
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt constraints.txt | $(PY)
	$(PIP) install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

setup: $(VENV)/.runtime-installed
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py sync_catalog

# The web server, the task worker and the scheduler together; Ctrl-C stops all three.
run: setup
	$(DEV_ENV) scripts/run-dev.sh $(PY) $(HOST) $(PORT)

test: $(VENV)/.dev-installed
	scripts/ensure-chromium.sh
	scripts/ensure-redis.sh
	$(PY) -m pytest

test-postgres: $(VENV)/.dev-installed
	scripts/ensure-chromium.sh
	scripts/ensure-redis.sh
	scripts/with-postgres.sh $(PY) -m pytest

# Full-page PNGs of the main pages at 1280 and 375 px into screenshots/ (git-ignored), to look at.
screenshots: $(VENV)/.dev-installed
	scripts/ensure-chromium.sh
	CERTGUIDE_SCREENSHOTS=1 $(PY) -m pytest tests/browser/test_screenshots.py -q

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Mutation testing of the pure domain modules (slow: not part of `make test`);
# MODULES=catalog/costs.py runs some of them.
mutation: $(VENV)/.dev-installed
	$(PY) scripts/mutation.py $(MODULES)

# Every page under load as a ratio to a bare reference view, at two catalog sizes; the table
# goes to bench-results.md (git-ignored). About 8 minutes; BENCH_SECONDS shortens it.
bench: $(VENV)/.dev-installed
	scripts/ensure-wrk.sh
	$(PY) scripts/bench.py

# The same on a throw-away PostgreSQL, with a throw-away Redis as the cache.
bench-postgres: $(VENV)/.dev-installed
	scripts/ensure-wrk.sh
	scripts/ensure-redis.sh
	scripts/with-postgres.sh $(PY) scripts/bench.py --redis

# Without a secret key in the environment these act on the development database, as `make run`.
MANAGE_ENV := $(if $(DJANGO_SECRET_KEY),,$(DEV_ENV))

# 50 signed-in people for 60 s against gunicorn in production mode on 127.0.0.1; the figures.
loadtest: $(VENV)/.dev-installed
	scripts/loadtest.sh

# A consistent, timestamped copy of the database into backups/ (git-ignored).
backup: $(VENV)/.runtime-installed
	$(MANAGE_ENV) $(PY) manage.py backup_database --directory backups

# Loads FILE into an empty database; REPLACE=1 overwrites one that already has tables.
restore: $(VENV)/.runtime-installed
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/<file> [REPLACE=1]" >&2; exit 2; }
	$(MANAGE_ENV) $(PY) manage.py restore_database "$(FILE)" $(if $(REPLACE),--replace)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
