# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: run test lint chromium nginx node frontend frontend-check js-test bench scale-out clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# Stamps re-run pip only when a requirements file changes.
$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Browser tests drive Debian's chromium through Playwright; Playwright never downloads a browser.
chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; }

# Debian's nginx, for `make scale-out` and its browser test (installed, never started as a service).
nginx:
	@test -x /usr/sbin/nginx || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }

# The map component's frontend (frontend/): node builds it; the built bundle is committed, so
# `make run` needs no node. `make test` installs Debian's nodejs when missing.
node:
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }

frontend/node_modules/.installed: frontend/package-lock.json | node
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Rebuild static/*.js (the map, its deck.gl chunk, the tables) from frontend/src after changing it.
frontend: frontend/node_modules/.installed
	cd frontend && npm run --silent build

# Fails when a committed bundle is not what the source builds to.
frontend-check: frontend/node_modules/.installed
	cd frontend && npm run --silent check
	test "$$(cd frontend/build-check && ls)" = "$$(cd static && ls *.js)" || \
	  { echo "static/*.js are not the files frontend/src builds: run 'make frontend'"; exit 1; }
	for bundle in $$(cd frontend/build-check && ls); do cmp frontend/build-check/$$bundle static/$$bundle || \
	  { echo "static/$$bundle is stale: run 'make frontend' and commit it"; exit 1; }; done

# CesiumJS for the browser test that reads our KML on a globe (tests/e2e/test_kml_globe.py).
tests/e2e/globe/node_modules/.installed: tests/e2e/globe/package-lock.json | node
	cd tests/e2e/globe && npm ci --no-audit --no-fund --loglevel=error
	touch $@

js-test: frontend/node_modules/.installed
	cd frontend && node --test test/

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT)

# Python: ruff (lint and format). JavaScript: biome (lint and format; `npx biome check --write .`
# in frontend/ fixes what it can) and TypeScript's checker on the JSDoc types (jsconfig.json).
lint: $(VENV)/.dev frontend/node_modules/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	cd frontend && npm run --silent lint

test: lint chromium nginx frontend-check js-test tests/e2e/globe/node_modules/.installed
	$(PY) -m pytest

# Two app processes behind nginx on 127.0.0.1 (sticky per browser): the proxy on PORT, the apps
# on the next ports. See docs/scale-out.md.
scale-out: $(VENV)/.runtime nginx
	$(PY) deploy/scale_out.py --port $(PORT)

bench: $(VENV)/.dev
	$(PY) bench/rings.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis tests/artifacts frontend/node_modules \
	  frontend/build-check tests/e2e/globe/node_modules
