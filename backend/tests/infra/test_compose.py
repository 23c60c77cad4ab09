"""What the compose files and the Makefile do with the README's own `.env` files.

The compose files are run for real by CI's `compose` job (and were checked with the
container sandbox, see README); these tests pin the findings that broke them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.infra.conftest import run
from tests.infra.test_static import compose, compose_config, filled_prod_env
from tests.support.servers import REPO_ROOT


def readme_project(tmp_path: Path) -> Path:
    """A project folder after the README's `cp .env.example .env`."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO_ROOT / "docker-compose.yml", project)
    shutil.copy(REPO_ROOT / ".env.example", project / ".env")
    return project


def test_dev_and_prod_files_build_differently_named_images(tmp_path: Path) -> None:
    dev = compose_config(tmp_path, "docker-compose.yml", REPO_ROOT / ".env.example")
    prod = compose_config(tmp_path, "docker-compose.prod.yml", filled_prod_env(tmp_path))

    built = {
        file: {name: service["image"] for name, service in config["services"].items() if "build" in service}
        for file, config in (("dev", dev), ("prod", prod))
    }  # fmt: skip

    assert built == {
        "dev": {
            "backend": "tarefa-dev-backend:latest",
            "worker": "tarefa-dev-backend:latest",
            "frontend": "tarefa-dev-frontend:latest",
        },
        "prod": {
            "backend": "tarefa-backend:latest",
            "worker": "tarefa-backend:latest",
            "nginx": "tarefa-web:latest",
        },
    }


def test_port_of_the_readme_env_does_not_reach_the_dev_backend(tmp_path: Path) -> None:
    project = readme_project(tmp_path)

    result = compose(tmp_path, "--project-directory", str(project), "config", "--format", "json")

    assert result.returncode == 0, result.stderr
    backend = json.loads(result.stdout)["services"]["backend"]
    assert backend["environment"]["RATELIMIT_AUTH"] == "10 per minute"  # .env was read
    # The healthcheck (scripts/healthcheck.py) probes PORT; the dev server listens on 8000.
    assert backend["environment"]["PORT"] == "8000"
    assert backend["command"][-2:] == ["--port", "8000"]
    assert backend["healthcheck"]["test"] == ["CMD", "python", "scripts/healthcheck.py"]


def test_prod_backend_falls_back_to_the_offline_planner_by_default(tmp_path: Path) -> None:
    prod = compose_config(tmp_path, "docker-compose.prod.yml", filled_prod_env(tmp_path))

    environment = prod["services"]["backend"]["environment"]
    assert environment["AI_FALLBACK"] == "offline"
    assert environment["API_DOCS"] == "false"
    assert environment["PASSWORD_HASH_CONCURRENCY"] == "2"


def make_port(project: Path, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("PORT", "MAKEFLAGS", "MAKELEVEL")}
    result = run(
        ["make", "--no-print-directory", "--eval", "print-port: ; @echo $(PORT)", "print-port"],
        cwd=project,
        env={**clean, **env},
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_make_run_port_comes_from_env_then_environment_then_command_line(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO_ROOT / "Makefile", project)

    assert make_port(project) == "5000"
    (project / ".env").write_text('RATELIMIT_AUTH="10 per minute"\nPORT=5123\n')
    assert make_port(project) == "5123"
    assert make_port(project, PORT="6000") == "6000"


def test_make_run_binds_the_port() -> None:
    text = (REPO_ROOT / "Makefile").read_text()

    run_recipe = text.split("\nrun:")[1].split("\n\n")[0]
    assert "GUNICORN_BIND=127.0.0.1:$(PORT)" in run_recipe
