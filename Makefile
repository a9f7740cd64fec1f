PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := factcheck

.PHONY: run serve test lint bench setup db clean browser

$(BIN)/flask: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/flask

setup: $(BIN)/flask

db: setup
	mkdir -p instance
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo

run: db
	$(BIN)/flask run --host 127.0.0.1 --port $${PORT:-5000}

# The production stack: gunicorn (gunicorn.conf.py), job workers and the
# scheduler, on DATABASE_URL and REDIS_URL (README, Deployment).
serve: setup
	scripts/serve

# The browser tests drive Debian's Chromium (never a downloaded browser) and
# check accessibility with axe-core from the npm registry. Only what is
# missing is installed: npm often comes with Node.js from elsewhere.
MISSING_BROWSER_PACKAGES = $(strip \
	$(if $(shell command -v chromium),,chromium) \
	$(if $(shell command -v chromedriver),,chromium-driver) \
	$(if $(shell command -v npm),,npm))

browser:
	@if [ -n "$(MISSING_BROWSER_PACKAGES)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(MISSING_BROWSER_PACKAGES) for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(MISSING_BROWSER_PACKAGES) >/dev/null; \
	  else \
	    echo "The browser tests need: sudo apt-get install $(MISSING_BROWSER_PACKAGES)"; exit 1; \
	  fi; \
	fi

AXE := tests/e2e/node_modules/axe-core/axe.min.js

$(AXE): tests/e2e/package.json tests/e2e/package-lock.json | browser
	npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
	touch $(AXE)

test: setup browser $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The board's load test uses wrk when it is there (Debian's package), else a
# slower Python loop.
bench: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1; } || true
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance tests/e2e/node_modules
