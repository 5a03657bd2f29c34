# The two set-up commands of the README: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install serve test lint eval index clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/qa serve

index: $(STAMP)
	$(BIN)/qa index

lint: $(STAMP)
	$(BIN)/ruff check qa tests eval
	$(BIN)/ruff format --check qa tests eval
	$(BIN)/mypy

test: $(STAMP) lint
	$(BIN)/pytest
	$(BIN)/qa eval

eval: $(STAMP)
	$(BIN)/qa eval

clean:
	rm -rf $(VENV) index/CURRENT index/versions index/.lock
