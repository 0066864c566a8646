# The two commands: `make run` serves the API, `make test` runs every test. Both install what
# is missing and start the PostgreSQL they need when DATABASE_URL is not set.
SHELL := /bin/bash
.DEFAULT_GOAL := run
DEV_PORT ?= 54329
TEST_PORT ?= 54339
BUILD_FLAGS ?=

.PHONY: run test build release stop migrate bench bench-append bench-rebuild bench-http bench-webhooks drill clean deps

deps:
	@scripts/install-dependencies

build: deps
	swift build $(BUILD_FLAGS)

release: deps
	swift build -c release --product customers

# Serves on 127.0.0.1:8080 against DATABASE_URL, or a local cluster in .data/dev.
run: release
	@scripts/serve-dev

# Starts a throwaway cluster in .data/test (unless DATABASE_URL is set), runs every test,
# and removes the cluster again whatever the outcome.
test: deps
	@scripts/test-all

stop:
	@scripts/local-postgres stop dev
	@scripts/local-postgres destroy test

migrate: release
	@DATABASE_URL="$${DATABASE_URL:-$$(scripts/local-postgres start dev $(DEV_PORT))}" .build/release/customers migrate

# Every performance target in one run, each beside its raw baseline, as one table of ratios
# (README, Measuring). SECONDS_PER_RUN, SOAK_SECONDS and EVENTS bound it.
bench: release
	@scripts/install-dependencies --bench
	@scripts/bench/all

bench-append: release
	@url="$${DATABASE_URL:-$$(scripts/local-postgres start dev $(DEV_PORT))}"; \
	for args in "--writers 1 --batch 1" "--writers 16 --batch 1" "--writers 64 --batch 1" \
	            "--writers 16 --batch 10" "--writers 64 --batch 10"; do \
	  DATABASE_URL="$$url" .build/release/customers bench append $$args --seconds $${SECONDS_PER_RUN:-20} | grep -E '^(append|chain) '; \
	done

# Rebuild of every projection against a raw streaming read (EVENTS events, generated once).
bench-rebuild: release
	@DATABASE_URL="$${DATABASE_URL:-$$(scripts/local-postgres start dev $(DEV_PORT))}" \
	  .build/release/customers bench rebuild --events $${EVENTS:-1000000}

# HTTP load (wrk) beside the store's raw append rate at the same concurrency.
bench-http: release
	@scripts/bench/http

# Webhook delivery beside a receiver's raw rate: commit-to-delivery delay with 64 paced writers,
# notifications/s of a paused backlog, the drain after a 60 s receiver outage (own throwaway
# cluster, like the drills).
bench-webhooks: release
	@DRILL_TIMEOUT=1200 scripts/bench/webhooks

# Reliability drills (scripts/drill): crash, database outage, two instances, long transaction, webhooks.
# Each starts its own throwaway cluster (.data/drill, 127.0.0.1:54349) and release servers on
# 127.0.0.1:18081-18082, and removes them again. CUSTOMERS_BIN runs them against another binary.
drill: release
	@scripts/drill/all

clean:
	rm -rf .build
