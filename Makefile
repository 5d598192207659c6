# Two commands on a fresh machine:  make site   and   make test
# Everything is installed here: a local virtualenv with pinned, hashed versions,
# npm packages from package-lock.json, and (when CI=true or as root) Debian's chromium.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site check serve test bench audit mutation lock clean browser translations

site: $(VENV)/.site                         ## check the catalogue, render, build site/ atomically
	$(PY) -m generator build

check: $(VENV)/.site                        ## check every catalogue file, report every problem
	$(PY) -m generator check

serve: $(VENV)/.site                        ## preview on http://127.0.0.1:8000/, rebuilding on edits
	$(PY) -m generator serve

translations: $(VENV)/.site                 ## bring the PO files up to date with the English
	$(PY) -m generator translations --refresh

test: $(VENV)/.test node_modules/.installed browser   ## the whole suite, real browser included
	$(PY) -m pytest

bench: $(VENV)/.test                        ## benchmarks at 100, 1,000 and 10,000 systems -> BENCHMARKS.md
	$(PY) -m tests.bench

audit: $(VENV)/.test node_modules/.installed browser   ## Lighthouse scores -> BENCHMARKS.md
	$(PY) -m tests.audit

mutation: $(VENV)/.mutation                 ## mutation testing of the gate, fast tests only -> TESTING.md
	$(PY) -m tests.mutation --max-children 2

$(VENV)/.site: requirements/site.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/test.txt
	touch $@

$(VENV)/.mutation: $(VENV)/.test requirements/mutation.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/mutation.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser:                                    ## Debian's chromium, for Playwright, axe and Lighthouse
	@bash tests/tools/install-browser.sh

lock: $(VENV)/.site                         ## re-pin requirements/*.txt (exact versions, hashes)
	$(PY) -m pip install --quiet pip-tools
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --output-file site.txt site.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --output-file test.txt test.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --output-file mutation.txt mutation.in

clean:
	rm -rf build site .pytest_cache test-output mutants
