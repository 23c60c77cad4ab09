"""CI runs what developers run: `make` targets, set up in one place, no root, no fixed
PostgreSQL version."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.support.servers import REPO_ROOT

CI = REPO_ROOT / ".github/workflows/ci.yml"
SETUP = REPO_ROOT / ".github/actions/setup/action.yml"


def makefile_targets() -> set[str]:
    text = (REPO_ROOT / "Makefile").read_text()
    return set(re.findall(r"(?m)^([a-zA-Z][\w./-]*):", text))


def ci_steps() -> list[tuple[str, dict]]:
    jobs = yaml.safe_load(CI.read_text())["jobs"]
    return [(name, step) for name, job in jobs.items() for step in job["steps"]]


def test_every_ci_command_is_a_make_target() -> None:
    targets = makefile_targets()
    commands = [
        (job, step["run"]) for job, step in ci_steps() if "run" in step and step.get("if") != "failure()"
    ]  # fmt: skip

    assert {job for job, _ in commands} == {"lint", "backend", "frontend", "compose"}
    for job, command in commands:
        words = command.split()
        assert words[0] == "make", (job, command)
        assert words[1] in targets, (job, command)


def test_jobs_that_install_use_the_one_setup_action() -> None:
    uses = {job: step["uses"] for job, step in ci_steps() if "uses" in step}
    setup_jobs = {job for job, step in ci_steps() if step.get("uses") == "./.github/actions/setup"}

    assert setup_jobs == {"lint", "backend", "frontend"}
    assert not any("setup-uv" in action or "setup-node" in action for action in uses.values())


def test_the_setup_action_pins_its_actions_and_runs_make_install() -> None:
    action = yaml.safe_load(SETUP.read_text())
    steps = action["runs"]["steps"]

    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    assert [step["run"] for step in steps if "run" in step][-2:] == [
        "make install",
        "make frontend/node_modules/.installed",
    ]


@pytest.mark.parametrize(
    "folder", [".github", "scripts", ".ci", "backend/tests/ops", "backend/tests/infra"]
)
def test_no_fixed_postgresql_version_or_runuser_outside_a_root_check(folder: str) -> None:
    for path in (REPO_ROOT / folder).rglob("*"):
        if not path.is_file() or path.name == "test_ci.py":
            continue
        text = path.read_text(errors="replace")
        assert not re.search(r"postgresql/\d+/bin", text), path
        for line in text.splitlines():
            if "runuser" in line and "RUN_AS_POSTGRES" not in line:
                pytest.fail(f"{path}: runuser without the root check: {line.strip()}")


def test_compose_job_brings_up_each_file() -> None:
    compose = yaml.safe_load(CI.read_text())["jobs"]["compose"]

    assert compose["strategy"]["matrix"]["mode"] == ["dev", "dev-env", "prod", "monitoring"]
    assert compose["steps"][-1]["run"] == (
        "make compose-smoke COMPOSE_SMOKE_MODES=${{ matrix.mode }}"
    )
