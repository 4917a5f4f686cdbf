# Two commands do all set-up on a fresh machine (Python 3.11 + pip + make):
#   make run    start the dashboard on the bundled corpus
#   make test   run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: run test bench screenshots install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/framing dashboard

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run

# The committed screenshots (docs/screenshots/, the README's first screen): every view at 3 and 13 outlets and
# the bundled corpus's first screen, taken by the browser tests (they need Debian's chromium and ../shared).
screenshots: $(STAMP)
	$(BIN)/python -m pytest -q tests/app/test_browser.py tests/app/test_browser_outlets.py -k "screenshot or first_screen"
	mkdir -p docs/screenshots
	cp tests/artifacts/outlets3_*.png tests/artifacts/outlets13_*.png docs/screenshots/
	cp tests/artifacts/first_screen.png docs/images/first_screen.png
	$(BIN)/python -c "import pathlib, PIL.Image as I; [I.open(p).convert('RGB').quantize(128, method=I.Quantize.FASTOCTREE).save(p, optimize=True) for p in pathlib.Path('docs/screenshots').glob('*.png')]"

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
