# bereikbaar — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint unit bench chromium clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian's chromium for the browser tests; installed when missing (needs root and apt).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium missing and apt-get unavailable; browser tests will be skipped"; fi; }

demo: $(STAMP)
	$(VENV)/bin/bereikbaar demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

unit: $(STAMP)
	$(PY) -m pytest -q

test: $(STAMP) chromium lint
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/bench_checks.py
	$(PY) bench/bench_requests.py
	$(PY) bench/bench_parallel.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
