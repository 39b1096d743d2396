# The two commands a newcomer needs: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.taxqa-installed

.PHONY: setup browser test test-quick test-all lint demo demo-full bench bench-quick corpus-data clean

setup: $(STAMP)

# Re-installs only when pyproject.toml changes; the CPU torch build is the pinned one on this disk.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The web chat's browser test drives a system Chromium through playwright, with a Korean font (Debian
# fonts-nanum) so screenshots show Hangul, not boxes; a no-op where both exist.
MAC_CHROME := /Applications/Google Chrome.app/Contents/MacOS/Google Chrome
browser:
	@if command -v apt-get >/dev/null; then \
	  need=""; \
	  command -v chromium >/dev/null || command -v chromium-browser >/dev/null || test -n "$$TAXQA_CHROMIUM" || \
	    need="chromium"; \
	  dpkg -s fonts-nanum >/dev/null 2>&1 || need="$$need fonts-nanum"; \
	  if test -n "$$need"; then \
	    sudo=$$(test "$$(id -u)" = 0 || echo sudo); \
	    $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need; \
	  fi; \
	elif ! { command -v chromium >/dev/null || command -v chromium-browser >/dev/null || test -x "$(MAC_CHROME)"; }; then \
	  echo "make browser: install Chromium or Chrome (or set TAXQA_CHROMIUM)" >&2; exit 1; \
	fi

# What CI runs: every test, the slow ones (whole pipeline, kill -9 and resume) included, on
# PYTEST_WORKERS processes (pytest-xdist; a test file stays on one worker, so its fixtures build once).
PYTEST_WORKERS ?= 2
test: lint browser
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile --durations=15

test-all: test

# The edit loop: everything but the tests marked slow.
test-quick: lint browser
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile -m "not slow" --durations=15

demo: setup
	$(VENV)/bin/taxqa demo

demo-full: setup
	$(VENV)/bin/taxqa demo --fresh --full

bench: setup
	$(PY) bench/run_all.py

bench-quick: setup
	$(PY) bench/run_all.py --quick

# Rebuild the embedded corpus shipped in the package from ../shared/data.
corpus-data: setup
	$(VENV)/bin/taxqa corpus build ../shared/data -o taxqa/corpus/data/passages.jsonl.gz
	$(PY) -m taxqa.corpus.vocab -o taxqa/corpus/data/words.tsv.gz
	$(PY) -m taxqa.corpus.terms -o taxqa/corpus/data/terms.tsv
	$(PY) -m taxqa.corpus.store -o taxqa/corpus/data/lexical.tar.gz

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
