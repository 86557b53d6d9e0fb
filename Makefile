# Two commands set up a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install whenever the lock or the project metadata changes.
READY  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test setup browser lock clean bench bench-profile

setup: $(READY)

$(READY): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Build into a scratch folder and swap it in only on success, so a failed
# build never leaves half a site in site/.
site: $(READY)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

serve: $(READY)
	$(BIN)/mkdocs serve

# Browser tests drive Debian's Chromium; never `playwright install`.
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && apt-get install -y -qq chromium; }

test: $(READY) browser
	$(BIN)/python -m pytest

# What the generator costs beside plain Material, 1x to 100x the seed (bench/README.md):
# 10 to 15 minutes on two cores. Figures in bench/results.json.
bench: $(READY) browser
	$(BIN)/python -m bench

# Where a build's time goes, ours and plain Material: make bench-profile SIZE=100
SIZE ?= 10
bench-profile: $(READY)
	$(BIN)/python -m bench.profile --size $(SIZE)

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra test --strip-extras --no-header \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) site site.tmp
