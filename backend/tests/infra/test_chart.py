"""Static checks of the Helm chart (charts/tarefa) that need no helm binary.

This machine has no helm and cannot fetch one, so the chart is not rendered here: these tests
check what can be checked without rendering (values against the chart's JSON schema, which
Helm itself enforces; the template actions balanced; every include and every .Values path
defined). Rendering, `helm lint`, kubeconform and an install on kind run in CI
(.github/workflows/chart.yml).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.support.servers import REPO_ROOT

CHART = REPO_ROOT / "charts" / "tarefa"
TEMPLATES = sorted((CHART / "templates").glob("*"))
ACTION = re.compile(r"{{-?\s*(.*?)\s*-?}}", re.DOTALL)
OPENERS = ("if ", "range ", "with ", "define ", "block ")


def values() -> dict[str, Any]:
    return yaml.safe_load((CHART / "values.yaml").read_text())


def schema() -> dict[str, Any]:
    return json.loads((CHART / "values.schema.json").read_text())


def test_chart_metadata() -> None:
    chart = yaml.safe_load((CHART / "Chart.yaml").read_text())
    assert chart["apiVersion"] == "v2"
    assert chart["name"] == "tarefa"
    assert chart["type"] == "application"
    assert re.fullmatch(r"\d+\.\d+\.\d+", chart["version"])


@pytest.mark.parametrize(
    "values_file", sorted((CHART / "ci").glob("*-values.yaml")), ids=lambda p: p.name
)
def test_default_and_ci_values_match_the_schema(values_file: Path) -> None:
    jsonschema.validate(values(), schema())
    merged = _merge(values(), yaml.safe_load(values_file.read_text()))
    jsonschema.validate(merged, schema())


@pytest.mark.parametrize(
    ("override", "complaint"),
    [
        ({"config": {"SECRET_KEY": "abc"}}, "should not be valid"),  # secrets go to the Secret
        ({"config": {"lower_case": "x"}}, "does not match"),
        ({"backend": {"replicaCount": 0}}, "less than the minimum"),
        ({"backend": {"terminationGracePeriodSeconds": 10}}, "less than the minimum"),
        ({"image": {"pullPolicy": "Sometimes"}}, "is not one of"),
        ({"secrets": {"password": "x"}}, "Additional properties"),
        ({"ingress": {"host": "https://tarefa.example.org"}}, "does not match"),
    ],
)
def test_schema_refuses_bad_values(override: dict[str, Any], complaint: str) -> None:
    with pytest.raises(jsonschema.ValidationError, match=complaint):
        jsonschema.validate(_merge(values(), override), schema())


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_blocks_are_balanced(template: Path) -> None:
    text = template.read_text()
    assert text.count("{{") == text.count("}}"), "unbalanced {{ }}"
    depth = 0
    for action in ACTION.findall(text):
        if action.startswith("/*"):
            continue
        if action.startswith(OPENERS):
            depth += 1
        elif action == "end":
            depth -= 1
            assert depth >= 0, "end without an opening block"
    assert depth == 0, "a block is never closed"


def test_every_include_is_defined() -> None:
    text = "\n".join(t.read_text() for t in TEMPLATES)
    defined = set(re.findall(r'define "([^"]+)"', text))
    included = set(re.findall(r'include "([^"]+)"', text))
    assert included <= defined, included - defined
    assert {"tarefa.fullname", "tarefa.labels", "tarefa.backendEnv"} <= defined


def test_every_values_path_exists_in_values_yaml() -> None:
    defaults = values()
    for template in TEMPLATES:
        for path in re.findall(r"\.Values((?:\.\w+)+)", template.read_text()):
            node: Any = defaults
            for key in path.strip(".").split("."):
                assert isinstance(node, dict) and key in node, f"{template.name}: .Values{path}"
                node = node[key]


def test_the_pieces_the_issue_asks_for_are_there() -> None:
    text = {t.name: t.read_text() for t in TEMPLATES}
    backend = text["backend-deployment.yaml"]
    assert "path: /health/ready" in backend
    assert "path: /health\n" in backend
    assert "kind: HorizontalPodAutoscaler" in text["backend-hpa.yaml"]
    assert "kind: PodDisruptionBudget" in text["pdb.yaml"]
    assert "helm.sh/hook: pre-upgrade" in text["migration-job.yaml"]
    assert "cert-manager.io/cluster-issuer" in text["ingress.yaml"]
    assert "kind: ServiceMonitor" in text["servicemonitor.yaml"]
    assert '"worker"' in text["worker-deployment.yaml"]
    assert "tarefa-web" in text["web-deployment.yaml"]
    # Secrets reach pods through secretKeyRef only, never as literal env values.
    helpers = text["_helpers.tpl"]
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "JWT_SECRET_KEY"):
        assert f'"{name}"' in helpers
    assert "secretKeyRef" in helpers
    readme = (CHART / "README.md").read_text()
    assert "PgBouncer" in readme


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Helm's values merge: maps merge key by key, anything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
