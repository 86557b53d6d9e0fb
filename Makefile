# Two commands set up a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install whenever the lock or the project metadata changes.
READY  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: every date the build itself would stamp (sitemap.xml
# lastmod, the gzip header of sitemap.xml.gz) is the last commit's, so two
# builds of one commit are byte-identical. Unset outside a git checkout.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: site serve test setup browser pdftotext cjk-font lock clean bench bench-search bench-profile

setup: $(READY)

$(READY): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Build into a folder of the build's own and swap it in whole (hooks/gongshi/publish.py):
# a failed, stopped or disk-full build leaves the last good site/, and two at once take turns.
site: $(READY)
	$(BIN)/python -m gongshi.publish site

serve: $(READY)
	$(BIN)/mkdocs serve

# Browser tests drive Debian's Chromium; never `playwright install`.
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && apt-get install -y -qq chromium; }

# The print test reads the PDF that Chromium prints with poppler's pdftotext.
pdftotext:
	@command -v pdftotext >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils; }

# Chromium prints Chinese only with a font that has it; without one the PDF
# holds no Chinese text and the print test cannot read the notice back.
cjk-font:
	@fc-list :lang=zh 2>/dev/null | grep -q . || { apt-get update -qq && apt-get install -y -qq fonts-wqy-zenhei; }

test: $(READY) browser pdftotext cjk-font
	$(BIN)/python -m pytest

# What the generator costs beside plain Material, 1x to 100x the seed, then the
# search figures (bench/README.md): about a quarter of an hour on two cores.
# Figures in bench/results.json.
bench: $(READY) browser
	$(BIN)/python -m bench
	$(MAKE) --no-print-directory bench-search

# Where a build's time goes, ours and plain Material: make bench-profile SIZE=100
SIZE ?= 10
bench-profile: $(READY)
	$(BIN)/python -m bench.profile --size $(SIZE)

# Search figures per language (hit@1, recall, false hits, latency, bytes) in Chromium.
bench-search: site browser
	$(BIN)/python -m bench.search site

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra test --strip-extras --no-header \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml
	sed -i '1i # The full dependency tree, pinned. Regenerate with `make lock` after changing pyproject.toml.' requirements.lock

clean:
	rm -rf $(VENV) site .site-build-* .site.lock
