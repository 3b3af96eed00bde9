# The two commands a new user types are `make demo` and `make test`; everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= marsad.db
OUT ?= out

.PHONY: install demo test lint bench accuracy clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The place reader compiled with mypyc where this machine has a C compiler (the same code runs as Python where
# it has not); rebuilt when any source changed, in about a minute.
install: $(STAMP)
	$(BIN)/marsad compile --if-possible

# The main job on the bundled demo corpus with the embedded SQLite default; prints the incidents and writes exports.
demo: install
	$(BIN)/marsad gazetteer build --if-needed
	$(BIN)/marsad run examples/reports --db $(DB)
	$(BIN)/marsad events --kind incident --db $(DB)
	$(BIN)/marsad export --format csv --output $(OUT)/incidents.csv --db $(DB)
	$(BIN)/marsad export --format geojson --output $(OUT)/incidents.geojson --db $(DB)

test: install
	$(BIN)/marsad gazetteer build --if-needed
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src/marsad

bench: install
	$(BIN)/python benchmarks/run.py --write docs/performance.md

accuracy: install
	$(BIN)/marsad eval --all --write-docs

clean:
	rm -rf $(VENV) $(OUT) $(DB) $(DB)-wal $(DB)-shm .pytest_cache src/marsad/_compiled
