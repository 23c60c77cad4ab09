"""The shipped monitoring configuration against the native production stack (scripts/stack.sh:
Nginx, two gunicorn backends, a `flask worker`), run by Debian's Prometheus, Alertmanager and
blackbox exporter on loopback.

What Docker's DNS finds in production (`backend`, `worker` replicas) becomes static loopback
targets here; the exporters the stack does not run (PostgreSQL, Redis, node) are left out. A
third backend address that nothing answers on stands for a replica that stopped answering:
its readiness probe fails and BackendNotReady reaches Alertmanager. The rule's `for: 2m` is
shortened to 1 s; its timing is covered by the rules' promtool unit tests.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.infra.conftest import Stack, require_tool
from tests.infra.test_monitoring import MONITORING, _Process, _wait_for
from tests.support.ports import free_port


def stack_ports(stack: Stack, kind: str) -> list[str]:
    files = sorted((stack.state_dir / "run").glob(f"{kind}-*.port"))
    return [f"127.0.0.1:{path.read_text().strip()}" for path in files]


def prometheus_config(
    stack: Stack, gone: str, blackbox: str, alertmanager: str, prometheus: str, rules: Path
) -> dict[str, Any]:
    """The shipped prometheus.yml with loopback targets for the native stack."""
    config = yaml.safe_load((MONITORING / "prometheus/prometheus.yml").read_text())
    config["global"].update(scrape_interval="1s", evaluation_interval="1s")
    config["rule_files"] = [str(rules)]
    config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"] = [alertmanager]
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    backends = stack_ports(stack, "backend")
    static = {
        "prometheus": [prometheus],
        "backend": backends,
        "worker": stack_ports(stack, "worker"),
        "backend-ready": [*backends, gone],
        "nginx": [f"{stack.base_url}/", f"{stack.base_url}/health"],
    }
    kept = []
    for name, targets in static.items():
        job = copy.deepcopy(jobs[name])
        job.pop("dns_sd_configs", None)
        job["static_configs"] = [{"targets": targets}]
        for rule in job.get("relabel_configs", []):
            if rule.get("replacement") == "blackbox-exporter:9115":
                rule["replacement"] = blackbox
        kept.append(job)
    config["scrape_configs"] = kept
    return config


def shortened_rules(tmp_path: Path) -> Path:
    """The shipped rules, with BackendNotReady's `for` shortened to 1 s."""
    rules = yaml.safe_load((MONITORING / "prometheus/rules/tarefa.yml").read_text())
    for group in rules["groups"]:
        for rule in group["rules"]:
            if rule.get("alert") == "BackendNotReady":
                rule["for"] = "1s"
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump(rules))
    return path


@pytest.fixture
def monitoring(tmp_path: Path, stack: Stack) -> Iterator[dict[str, Any]]:
    prometheus_bin = require_tool("prometheus", "apt-get install prometheus")
    alertmanager_bin = require_tool(
        "prometheus-alertmanager", "apt-get install prometheus-alertmanager"
    )
    blackbox_bin = require_tool(
        "prometheus-blackbox-exporter", "apt-get install prometheus-blackbox-exporter"
    )
    am_port, prom_port, bb_port, gone = free_port(), free_port(), free_port(), free_port()
    processes = [
        _Process(
            [blackbox_bin, f"--config.file={MONITORING / 'blackbox/blackbox.yml'}",
             f"--web.listen-address=127.0.0.1:{bb_port}"],
            tmp_path / "blackbox.log",
        ),
        _Process(
            [alertmanager_bin, f"--config.file={MONITORING / 'alertmanager/alertmanager.yml'}",
             f"--storage.path={tmp_path / 'am'}", f"--web.listen-address=127.0.0.1:{am_port}",
             "--cluster.listen-address="],
            tmp_path / "alertmanager.log",
        ),
    ]  # fmt: skip
    config = prometheus_config(
        stack, f"127.0.0.1:{gone}", f"127.0.0.1:{bb_port}", f"127.0.0.1:{am_port}",
        f"127.0.0.1:{prom_port}", shortened_rules(tmp_path),
    )  # fmt: skip
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    processes.append(
        _Process(
            [prometheus_bin, f"--config.file={tmp_path / 'prometheus.yml'}",
             f"--storage.tsdb.path={tmp_path / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{prom_port}"],
            tmp_path / "prometheus.log",
        )
    )  # fmt: skip
    try:
        yield {
            "api": f"http://127.0.0.1:{prom_port}/api/v1",
            "alertmanager": f"http://127.0.0.1:{am_port}/api/v2",
            "gone": f"127.0.0.1:{gone}",
            "prometheus": processes[-1],
            "alertmanager_process": processes[1],
        }
    finally:
        for process in reversed(processes):
            process.stop()


def test_every_target_of_the_native_stack_is_up_and_a_gone_replica_alerts(
    stack: Stack, monitoring: dict[str, Any]
) -> None:
    api, prometheus = monitoring["api"], monitoring["prometheus"]
    backends = stack_ports(stack, "backend")
    workers = stack_ports(stack, "worker")
    assert len(backends) == 2 and len(workers) >= 1

    def every_target_scraped() -> list[dict] | None:
        active = httpx.get(f"{api}/targets").json()["data"]["activeTargets"]
        scraped = all(target["health"] != "unknown" for target in active)
        return active if scraped and len(active) == 5 + len(workers) + 3 else None

    active = _wait_for(every_target_scraped, "every target scraped once", prometheus)
    health = {(t["labels"]["job"], t["labels"]["instance"]): t["health"] for t in active}
    expected = {("prometheus", t): "up" for t in [api.split("/")[2]]}
    expected |= {("backend", t): "up" for t in backends}
    expected |= {("worker", t): "up" for t in workers}
    expected |= {("nginx", f"{stack.base_url}{p}"): "up" for p in ("/", "/health")}
    # The blackbox exporter answers for each probe; the probe's own result is probe_success.
    expected |= {("backend-ready", t): "up" for t in [*backends, monitoring["gone"]]}
    assert health == expected

    def readiness() -> dict[str, str] | None:
        query = 'probe_success{job="backend-ready"}'
        result = httpx.get(f"{api}/query", params={"query": query}).json()["data"]["result"]
        values = {r["metric"]["instance"]: r["value"][1] for r in result}
        return values if len(values) == 3 else None

    assert _wait_for(readiness, "readiness probes", prometheus) == {
        **dict.fromkeys(backends, "1"),
        monitoring["gone"]: "0",
    }

    def queue_depth() -> list | None:
        query = 'tarefa_queue_depth{job="worker"}'
        return httpx.get(f"{api}/query", params={"query": query}).json()["data"]["result"]

    assert _wait_for(queue_depth, "the worker's queue depth", prometheus)

    def not_ready_alerts() -> list | None:
        alerts = httpx.get(f"{monitoring['alertmanager']}/alerts").json()
        return [a for a in alerts if a["labels"]["alertname"] == "BackendNotReady"] or None

    alerts = _wait_for(
        not_ready_alerts, "BackendNotReady in Alertmanager", monitoring["alertmanager_process"]
    )
    assert [a["labels"]["instance"] for a in alerts] == [monitoring["gone"]]
    assert alerts[0]["status"]["state"] == "active"
