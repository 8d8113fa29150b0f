# Copydesk. Quick start: `make run` (opens the app), `make test` (the whole suite, headless).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet
APP_STAMP := $(VENV)/.copydesk-app
TEST_STAMP := $(VENV)/.copydesk-test
# A peer to measure Copydesk against, side by side in the same run (bench_outside): ReText,
# a PyQt Markdown editor, in a virtual environment of its own.
PEERS_VENV := .venv-peers
PEERS := $(PEERS_VENV)/bin/retext

.PHONY: run test bench bundle lint format translations screenshots typecheck system-deps system-deps-test clean

run: $(APP_STAMP) system-deps
	$(VENV)/bin/copydesk

test: $(TEST_STAMP) system-deps-test
	COPYDESK_REQUIRE_XVFB=1 $(PY) -m pytest

bench: $(TEST_STAMP) system-deps-test $(PEERS)
	@status=0; for bench in tests/benchmarks/bench_*.py; do \
		$(PY) $$bench || status=1; \
	done; exit $$status

# The installable bundle: dist/copydesk/ (PyInstaller, onedir, from packaging/copydesk.spec)
# and dist/copydesk-VERSION-linux-ARCH.tar.xz. packaging/README.md says what is in it.
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/copydesk/__init__.py)
ARCHIVE := dist/copydesk-$(VERSION)-linux-$(shell uname -m).tar.xz
bundle: $(TEST_STAMP) system-deps
	rm -rf dist/copydesk $(ARCHIVE)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/copydesk.spec
	tar -C dist -cf - copydesk | xz -T0 -6 > $(ARCHIVE)
	@du -sh dist/copydesk $(ARCHIVE)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Collects new texts into resources/translations (.ts for the window, .po for the core) and
# compiles them (.qm, .mo); tests/core/test_translations.py fails until each is translated.
translations: $(TEST_STAMP)
	$(PY) packaging/translations.py

# The README's pictures, drawn by `copydesk screenshot` from a new library's sample articles.
SHOTS := docs/screenshots
SHOT_LIBRARY := build/screenshots/library.copydesk
FRENCH_SAMPLE := a-saint-aubin-des-pres-les-toits-de-la-mairie-produiront-l-electricite-de-600
ENGLISH_SAMPLE := port-ellen-turns-its-empty-ferry-terminal-into-a-library-open-until-midnight
SHOT := $(VENV)/bin/copydesk --library $(SHOT_LIBRARY) screenshot --size 1400x900
screenshots: $(APP_STAMP) system-deps
	rm -rf build/screenshots && mkdir -p build/screenshots $(SHOTS)
	$(VENV)/bin/copydesk library new $(SHOT_LIBRARY)
	LANGUAGE=en $(SHOT) --out $(SHOTS)/window-en.png --article $(ENGLISH_SAMPLE) 2>/dev/null
	LANGUAGE=fr $(SHOT) --out $(SHOTS)/window-fr.png --article $(FRENCH_SAMPLE) 2>/dev/null
	LANGUAGE=en $(SHOT) --out $(SHOTS)/pictures-en.png --view pictures --article $(ENGLISH_SAMPLE) 2>/dev/null
	LANGUAGE=fr $(SHOT) --out $(SHOTS)/export-fr.png --view export --article $(ENGLISH_SAMPLE) 2>/dev/null

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Copydesk needs Python 3.11 or newer (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PIP) install -e '.[test,dev]'
	@touch $@ $(APP_STAMP)

$(PEERS):
	$(PYTHON) -m venv $(PEERS_VENV)
	$(PEERS_VENV)/bin/python -m pip --disable-pip-version-check --quiet install 'ReText==8.1.0' PyQt6

system-deps:
	@bash packaging/system-deps.sh

system-deps-test:
	@bash packaging/system-deps.sh test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
