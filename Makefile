# Community Management Workbook -- the two commands: `make lab` and `make test`.
# Each one sets everything up on its own (a virtual environment in .venv with pinned packages).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
IP     ?= 127.0.0.1
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-k grading"`
PYTEST_ARGS ?=

export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONWARNINGS := ignore::DeprecationWarning
# Keep Jupyter's per-user state out of the learner's home directory clutter; tests isolate further.
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: help setup lab workbook grade test browser doctor markscheme nav bench clean

help:
	@echo "make lab         set up, generate the learner workbook and open JupyterLab on it"
	@echo "make grade       grade your own workbook with nbgrader (feedback in workbook/feedback/)"
	@echo "make test        set up and run the whole test suite"
	@echo "make doctor      check the set-up ([ OK ] / [FAIL] per dependency and notebook folder)"
	@echo "make markscheme  write the instructor's mark schemes to autograder/markscheme/"
	@echo "make bench       run the benchmarks (results in benchmarks/results/)"
	@echo "make clean       remove the environment and generated files (keeps workbook/)"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]' \
	  || { echo "Install Python 3.11 and run again (or: make PYTHON=/path/to/python3.11 ...)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

setup: $(STAMP)

workbook: setup
	$(BIN)/python -m course workbook

lab: workbook
	@echo ""
	@echo "Opening JupyterLab on workbook/. Open the URL printed below (with its token) in your browser."
	@echo "Stop it with Ctrl+C. On a server, use: make lab IP=0.0.0.0 PORT=8888"
	@echo ""
	$(BIN)/jupyter lab --ServerApp.root_dir=workbook --ServerApp.ip=$(IP) --ServerApp.port=$(PORT) --ServerApp.allow_root=True \
	  --ServerApp.open_browser=$$( [ -n "$$DISPLAY$$BROWSER" ] && echo True || echo False )

grade: setup
	$(BIN)/python -m course grade

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

test: setup browser
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

bench: setup
	$(BIN)/python benchmarks/metrics_report.py
	$(BIN)/python benchmarks/crisis_engine.py
	$(BIN)/python benchmarks/autograde_throughput.py --learners 60

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
	cd autograder && rm -rf release submitted autograded feedback exchange gradebook.db markscheme
