# Everyday commands. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo install install-dev system browser run test test-fast lint format messages migrations-check clean bench bench-smoke

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed system
install-dev: $(VENV)/.installed-dev

## Install, migrate, load the demo data, print the logins and serve the portal.
demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Portal: http://$(HOST):$(PORT)/   (API docs: http://$(HOST):$(PORT)/api/v1/docs/)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

run: install
	$(PY) manage.py runserver $(HOST):$(PORT)

## Install everything and run the whole test suite (DATABASE_URL / REDIS_URL are honoured).
test: install-dev browser
	$(PY) -m pytest

test-fast: install-dev
	$(PY) -m pytest -x -q -m "not e2e and not worker and not fuzz"

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## The benchmarks (bench/) at full size, figures in the README. They EMPTY the tables they fill:
## point DATABASE_URL at a PostgreSQL database made for them, and REDIS_URL at a spare Redis db.
bench: install-dev
	$(PY) bench/import_patents.py 1000000
	$(PY) bench/recompute.py 1000000
	$(PY) bench/dashboard.py 1000000 --keep
	$(PY) bench/load.py 1000000
	$(PY) bench/xlsx_memory.py make 400000 /tmp/ipportal-bench-patents.xlsx
	$(PY) bench/xlsx_memory.py read /tmp/ipportal-bench-patents.xlsx
	$(PY) bench/holder_matching.py 1000000

## Every benchmark at a tiny size (a minute or two in all), as CI runs them: that they run, not how fast.
bench-smoke: install-dev
	$(PY) bench/import_patents.py 300
	$(PY) bench/recompute.py 2000 --rounds 1
	$(PY) bench/dashboard.py 2000 --rounds 3
	$(PY) bench/load.py 2000 --clients 4 --duration 2 --workers 1
	$(PY) bench/xlsx_memory.py make 300 /tmp/ipportal-bench-smoke.xlsx
	$(PY) bench/xlsx_memory.py read /tmp/ipportal-bench-smoke.xlsx
	$(PY) bench/holder_matching.py 2000 --enterprises 200

messages: install
	$(PY) manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=staticfiles --ignore=media --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

## The system libraries the PDFs need (WeasyPrint: Pango), Cairo for the dossier's chart PNGs (CairoSVG) and a CJK font, or
## Chinese renders as empty boxes. Debian/Ubuntu; elsewhere install Pango and Noto Sans CJK yourself.
system:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && ldconfig -p | grep -q libcairo.so.2 && fc-list :lang=zh | grep -q .; } || { \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 libcairo2 fonts-noto-cjk; }

## Debian's Chromium for the browser tests (Playwright cannot download a browser here).
browser: system
	@command -v chromium >/dev/null || { \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
