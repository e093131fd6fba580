# Community Management Workbook -- the two commands: `make lab` and `make test`.
# Each one sets everything up on its own (a virtual environment in .venv with pinned packages).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PORT   ?= 8888
IP     ?= 127.0.0.1
# The course hub for a class (make hub): where its state lives, where it listens.
HUB_STATE ?= /srv/community-management
HUB_IP    ?= 127.0.0.1
HUB_PORT  ?= 8000
HUB_STAMP := $(VENV)/.installed-hub
PROXY     := deploy/hub/node_modules/.bin/configurable-http-proxy
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-k grading"`
PYTEST_ARGS ?=

export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONWARNINGS := ignore::DeprecationWarning
# Keep Jupyter's per-user state out of the learner's home directory clutter; tests isolate further.
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: help setup setup-test hub hub-stop hub-proxy postgres lab workbook grade test browser doctor markscheme nav bench clean

help:
	@echo "make lab         set up, generate the learner workbook and open JupyterLab on it"
	@echo "make grade       grade your own workbook with nbgrader, privately (feedback in workbook/feedback/);"
	@echo "                 make grade MODULE=module1_intro grades one module"
	@echo "make test        set up and run the whole test suite"
	@echo "make hub         (instructors, as root) start the course hub for a class; make hub-stop stops it"
	@echo "make doctor      check the set-up ([ OK ] / [FAIL] per dependency and notebook folder)"
	@echo "make markscheme  write the instructor's mark schemes to autograder/markscheme/"
	@echo "make bench       run the benchmarks (results in benchmarks/results/)"
	@echo "make clean       remove the environment and generated files (keeps workbook/)"

# The learner's environment: the course and what the notebooks need (no test tooling).
# PYTHONWARNINGS=ignore keeps the build backend's banners out of the learner's terminal.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]' \
	  || { echo "Install Python 3.11 and run again (or: make PYTHON=/path/to/python3.11 ...)"; exit 1; }
	@echo "Setting up the course environment in $(VENV)/ (first time: a few minutes) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@touch $@

# The test tooling (pytest, nbval, Playwright, ...) and the hub's packages on top, for `make test` only.
$(TEST_STAMP): $(STAMP)
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test,hub]"
	@touch $@

# JupyterHub, its authenticator and the PostgreSQL driver, for `make hub`.
$(HUB_STAMP): $(STAMP)
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[hub]"
	@touch $@

# The proxy in front of the hub, from npm with Debian's nodejs (installed here if missing), pinned by the lock file.
$(PROXY): deploy/hub/package.json deploy/hub/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for the hub's proxy ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	@cd deploy/hub && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@

hub-proxy: $(PROXY)

# Debian's PostgreSQL server, for the tests' throw-away gradebook servers.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql for the gradebook tests ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

setup: $(STAMP)

setup-test: $(TEST_STAMP)

workbook: setup
	@$(BIN)/python -m course workbook

# Learner tools only (deploy/learner-lab/); JupyterLab's log goes to workbook/.lab.log and the one link
# to open is printed last. On a server: make lab IP=0.0.0.0 PORT=8888
lab: workbook
	@$(BIN)/python -m course lab --ip $(IP) --port $(PORT)

grade: setup
	$(BIN)/python -m course grade $(MODULE)

doctor: setup
	$(BIN)/python -m course doctor

markscheme: setup
	$(BIN)/python -m course markscheme

nav: setup
	$(BIN)/python -m course nav

# The browser test drives JupyterLab in Debian's Chromium (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser test ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

hub: $(HUB_STAMP) $(PROXY)
	$(BIN)/python -m autograder.hub --state $(HUB_STATE) start --ip $(HUB_IP) --port $(HUB_PORT) \
	  $(if $(GRADEBOOK_URL),--gradebook-url $(GRADEBOOK_URL))

hub-stop: setup
	$(BIN)/python -m autograder.hub --state $(HUB_STATE) stop

test: setup-test browser hub-proxy postgres
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

bench: setup-test
	$(BIN)/python benchmarks/metrics_report.py
	$(BIN)/python benchmarks/crisis_engine.py
	$(BIN)/python benchmarks/autograde_throughput.py --learners 12 36 60

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts deploy/hub/node_modules
	cd autograder && rm -rf release submitted autograded feedback exchange gradebook.db markscheme
