"""The layer rule (README "Layers") is checked by import-linter in `make lint`: it passes
on the code as it is and refuses an import that points back up the layers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the application package and its contracts, free to break."""
    shutil.copytree(
        BACKEND / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__", "data")
    )
    shutil.copy(BACKEND / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_contract(tree: Path) -> None:
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "statement", "broken"),
    [
        ("app/core/cycle.py", "from app.services import tokens", "app.core -> app.services"),
        ("app/repositories/view.py", "from app.api import tasks", "app.repositories -> app.api"),
        ("app/models/rules.py", "from app.services import tasks", "app.models -> app.services"),
        ("app/domain/query.py", "import sqlalchemy", "app.domain -> sqlalchemy"),
        ("app/services/query.py", "from sqlalchemy import select", "app.services -> sqlalchemy"),
        ("app/api/query.py", "import sqlalchemy", "app.api -> sqlalchemy"),
    ],
)
def test_a_backward_import_fails_the_check(
    tree: Path, module: str, statement: str, broken: str
) -> None:
    (tree / module).write_text(f"{statement}  # noqa: F401\n")
    result = _lint_imports(tree)
    assert result.returncode == 1
    importer, imported = broken.split(" -> ")
    assert f"{importer} is not allowed to import {imported}" in result.stdout
    assert "Contracts: 2 kept, 1 broken." in result.stdout
