# smartdialog — developer entry points. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DEMO := demo/smartdialog-demo.sdevent
export QT_QPA_PLATFORM ?= offscreen

.PHONY: package run test check lint typecheck unit bench forms translations system-deps postgres demo clean

# uv installs the few hundred MB of wheels (Qt above all) in less than half of pip's time
# on a fresh clone (6 s instead of 34 s here); pip is the fallback where uv cannot be had.
# The environment is made without pip (ensurepip alone takes 3 s): the base Python's pip
# puts uv into it, and uv installs pip with the rest, for `make package` and build.sh.
# Compiled as pip does: without the bytecode every process of the tests (and the app's
# start) would compile Qt's, SQLAlchemy's and reportlab's modules anew.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV)
	($(PYTHON) -m pip --python $(PY) install -q uv \
		&& $(BIN)/uv pip install -q --compile-bytecode --python $(PY) -e '.[dev]' pip) \
		|| ($(PY) -m ensurepip --upgrade >/dev/null && $(PY) -m pip install -q --upgrade pip \
			&& $(PY) -m pip install -q -e '.[dev]')
	touch $@

# Libraries Qt needs on a bare Debian machine (Qt Multimedia needs libpulse even where no
# sound server runs), the X server for the real-window test and poppler for looking at
# PDFs. Skipped when already present.
system-deps:
	@if ! command -v Xvfb >/dev/null || ! command -v pdftotext >/dev/null || ! ldconfig -p | grep -q libxkbcommon-x11 || ! ldconfig -p | grep -q libpulse.so.0; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			xvfb xauth poppler-utils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
			libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
			libxcb-randr0 libxcb-render-util0 libxcb-image0 libpulse0 fonts-dejavu-core >/dev/null; \
	fi

# PostgreSQL for the shared-event tests: start the machine's cluster when it is not running.
postgres:
	@if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -1) main start || true; \
	fi; \
	for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; true

$(DEMO): $(VENV)/.installed
	mkdir -p demo
	$(BIN)/smartdialog demo $(DEMO) --participants 500 --ideas 300 --votes

demo: $(DEMO)

run: export QT_QPA_PLATFORM :=
run: system-deps $(VENV)/.installed $(DEMO)
	$(BIN)/smartdialog $(DEMO)

lint: $(VENV)/.installed
	$(BIN)/ruff check smartdialog tests benchmarks packaging
	$(BIN)/ruff format --check smartdialog tests benchmarks packaging

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# One test process per core and one more (pytest-xdist): many tests wait on a slowed
# network, a server or another process, and the extra process uses the core meanwhile
# (on two cores, with mypy beside: 96-98 s; two processes took 113 s, four or five were
# no faster).  A test file stays in one process, so that its module fixtures are built
# once.  Files are handed out in the order collected, long ones first and waiting ones
# between computing ones (tests/conftest.py), not by their number of tests.
TEST_PROCESSES ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
# Bytecode is written even where the environment says not to (PYTHONDONTWRITEBYTECODE):
# the test processes and the command-line runs the tests start would otherwise each compile
# the project's modules and rewrite every test file's asserts again.
unit: export PYTHONDONTWRITEBYTECODE :=
unit: $(VENV)/.installed
	$(BIN)/pytest -q -p no:cacheprovider -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder

# The type check runs beside the tests: they wait on servers and other processes long
# enough to leave it a core.  Each one's output is shown whole when it ends.
test: system-deps postgres $(VENV)/.installed lint
	$(MAKE) --no-print-directory -j2 --output-sync=target typecheck unit

check: test

bench: system-deps $(VENV)/.installed
	$(PY) -m benchmarks

# Designer forms -> committed generated modules (a test fails when they are stale).
forms: $(VENV)/.installed
	$(PY) -m smartdialog.devtools forms

# Qt Linguist: refresh the .ts sources from the code, then build the .qm files.
translations: $(VENV)/.installed
	$(PY) -m smartdialog.devtools translations

# The one-folder app for the venue laptops (PyInstaller), smoke-tested headless here.
# Takes several minutes: not part of `make test` nor of CI's default run.
package: system-deps postgres $(VENV)/.installed
	$(PY) -m pip install -q -e '.[package]'
	packaging/package.sh

clean:
	rm -rf $(VENV) demo build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
