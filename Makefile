PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := factcheck

.PHONY: run test lint bench setup db clean

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
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# axe-core for the browser tests' accessibility check, from the npm registry.
AXE := tests/e2e/node_modules/axe-core/axe.min.js

$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
	touch $(AXE)

test: setup $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check factcheck tests bench config.py || true

bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance tests/e2e/node_modules
