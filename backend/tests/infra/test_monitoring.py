"""The monitoring profile: its compose services, Prometheus' targets and rules, the dashboard,
and the backup-age metrics script. The rules' own unit tests run under promtool."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from flask import Flask

from tests.infra.conftest import require_tool, run
from tests.infra.test_static import compose, filled_prod_env, prod_config_json
from tests.support.apps import app_config
from tests.support.ports import free_port
from tests.support.servers import REPO_ROOT, LiveServer

MONITORING = REPO_ROOT / "monitoring"
PROFILE_SERVICES = {
    "prometheus", "alertmanager", "grafana", "jaeger", "blackbox-exporter",
    "postgres-exporter", "redis-exporter", "node-exporter", "backup-age",
}  # fmt: skip
# Metrics that come from elsewhere than the API process, and who exports them.
WORKER_METRICS = {"tarefa_queue_depth", "tarefa_queue_failed", "tarefa_jobs_total",
                  "tarefa_job_duration_seconds"}  # fmt: skip
BACKUP_METRICS = {
    "tarefa_backup_files",
    "tarefa_backup_newest_timestamp_seconds",
    "tarefa_offsite_backup_last_success_timestamp_seconds",
}


def monitoring_config(tmp_path: Path) -> dict:
    return json.loads(prod_config_json(tmp_path, "monitoring"))


def test_monitoring_profile_passes_config_quiet(tmp_path: Path) -> None:
    result = compose(
        tmp_path,
        "-f", str(REPO_ROOT / "docker-compose.prod.yml"),
        "--env-file", str(filled_prod_env(tmp_path)),
        "--profile", "monitoring",
        "config", "-q",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_monitoring_profile_shape(tmp_path: Path) -> None:
    services = monitoring_config(tmp_path)["services"]
    assert set(services) >= PROFILE_SERVICES
    for name in PROFILE_SERVICES:
        service = services[name]
        assert service["profiles"] == ["monitoring"], name
        assert service["cap_drop"] == ["ALL"], name
        assert service["deploy"]["resources"]["limits"]["memory"], name
        # UIs are for operators only: published on loopback, never on every interface.
        for port in service.get("ports", []):
            assert port["host_ip"] == "127.0.0.1", (name, port)
        for volume in service.get("volumes", []):
            if volume["type"] == "bind" and volume["source"].startswith(str(REPO_ROOT)):
                assert Path(volume["source"]).exists(), (name, volume["source"])
    assert {p["target"] for s in PROFILE_SERVICES for p in services[s].get("ports", [])} == {
        9090,
        9093,
        3000,
        16686,
    }
    assert services["jaeger"]["environment"]["COLLECTOR_OTLP_ENABLED"] == "true"
    exporter = services["postgres-exporter"]["environment"]
    assert exporter["DATA_SOURCE_URI"] == "db:5432/tarefa?sslmode=disable"
    assert services["redis-exporter"]["environment"]["REDIS_ADDR"] == "redis://redis:6379"
    backup_age = {v["target"]: v for v in services["backup-age"]["volumes"]}
    assert backup_age["/backups"]["source"] == "backups"
    assert backup_age["/backups"]["read_only"] is True


def test_prometheus_scrapes_every_replica_and_exporter() -> None:
    config = yaml.safe_load((MONITORING / "prometheus/prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert set(jobs) == {
        "prometheus", "backend", "worker", "postgres", "redis", "node",
        "backend-ready", "nginx", "nginx-tls",
    }  # fmt: skip
    # Docker's DNS answers a service name with every replica's address.
    assert jobs["backend"]["dns_sd_configs"] == [
        {"names": ["backend"], "type": "A", "port": 8000, "refresh_interval": "15s"}
    ]
    assert jobs["worker"]["dns_sd_configs"][0]["port"] == 9100
    assert jobs["backend-ready"]["relabel_configs"][0]["replacement"] == "http://${1}/health/ready"


def test_promtool_and_amtool_accept_the_configuration_and_rule_tests_pass() -> None:
    require_tool("promtool", "apt-get install prometheus")
    require_tool("amtool", "apt-get install prometheus-alertmanager")
    result = run([str(REPO_ROOT / "scripts/check-monitoring.sh")])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 11 rules found" in result.stdout
    assert "Unit Testing:" in result.stdout + result.stderr


def test_every_alert_the_issue_asks_for_exists() -> None:
    rules = yaml.safe_load((MONITORING / "prometheus/rules/tarefa.yml").read_text())
    alerts = {rule["alert"] for group in rules["groups"] for rule in group["rules"]}
    assert alerts == {
        "HighErrorRate", "HighLatencyP99", "BackendNotReady", "NginxDown", "TargetDown",
        "BackupTooOld", "BackupMissing", "OffsiteBackupTooOld", "CertificateExpiringSoon",
        "DiskFillingUp", "QueueBacklog",
    }  # fmt: skip
    tests = yaml.safe_load((MONITORING / "prometheus/tests/tarefa.test.yml").read_text())
    tested = {
        case["alertname"]
        for test in tests["tests"]
        for case in test["alert_rule_test"]
        if case["exp_alerts"]
    }
    assert tested == alerts  # every alert is shown firing at least once


def _referenced_metrics() -> set[str]:
    texts = [
        (MONITORING / "prometheus/rules/tarefa.yml").read_text(),
        (MONITORING / "grafana/dashboards/tarefa-api.json").read_text(),
    ]
    names = set()
    for text in texts:
        names |= set(re.findall(r"\btarefa_[a-z_]+", text))
    return {re.sub(r"_(bucket|count|sum)$", "", name) for name in names}


def test_dashboard_and_rules_use_metrics_the_app_exports(make_app) -> None:
    app: Flask = make_app()
    exposed = app.test_client().get("/metrics").get_data(as_text=True)
    typed = set(re.findall(r"^# TYPE (tarefa_\w+) ", exposed, re.MULTILINE))
    typed |= {name.removesuffix("_total") for name in typed}
    from_api = _referenced_metrics() - WORKER_METRICS - BACKUP_METRICS
    assert from_api == {
        "tarefa_http_request_total", "tarefa_http_request_duration_seconds",
        "tarefa_ai_generation_seconds", "tarefa_ai_failures_total",
    }  # fmt: skip
    missing = {name for name in from_api if name not in typed and name + "_total" not in typed}
    assert not missing, f"not exported by the app: {missing}"


def test_dashboard_is_provisioned_with_its_datasources() -> None:
    dashboard = json.loads((MONITORING / "grafana/dashboards/tarefa-api.json").read_text())
    datasources = yaml.safe_load(
        (MONITORING / "grafana/provisioning/datasources/datasources.yml").read_text()
    )["datasources"]
    uids = {source["uid"] for source in datasources}
    assert uids == {"prometheus", "alertmanager", "jaeger"}
    assert dashboard["uid"] == "tarefa-api"
    titles = {panel["title"] for panel in dashboard["panels"]}
    assert {"Requests by status", "p99 by route", "Generations by provider and outcome",
            "Queue depth", "Errors (4xx and 5xx) by route"} <= titles  # fmt: skip
    for panel in dashboard["panels"]:
        if panel["type"] != "row":
            assert panel["datasource"]["uid"] in uids, panel["title"]
            assert all(target["expr"] for target in panel["targets"]), panel["title"]


# --- scripts/backup-metrics.sh -------------------------------------------------------------


def backup_metrics(directory: Path, output: Path):
    return run([str(REPO_ROOT / "scripts/backup-metrics.sh"), str(directory), str(output)])


def test_backup_metrics_report_the_newest_complete_backup(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    for name, mtime in [("t-20261101.dump", 1_790_000_000), ("t-20261102.dump", 1_790_086_400),
                        (".t-20261103.dump.Ab12Cd", 1_790_172_800), ("t-20261102.sha256", 1_790_200_000)]:  # fmt: skip
        (backups / name).write_bytes(b"x")
        os.utime(backups / name, (mtime, mtime))
    output = tmp_path / "backup.prom"
    result = backup_metrics(backups, output)
    assert result.returncode == 0, result.stderr
    samples = [line for line in output.read_text().splitlines() if not line.startswith("#")]
    assert samples == ["tarefa_backup_files 2", "tarefa_backup_newest_timestamp_seconds 1790086400"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.prom", "backups"]


def test_backup_metrics_without_any_backup(tmp_path: Path) -> None:
    output = tmp_path / "backup.prom"
    result = backup_metrics(tmp_path, output)
    assert result.returncode == 0, result.stderr
    samples = [line for line in output.read_text().splitlines() if not line.startswith("#")]
    assert samples == ["tarefa_backup_files 0"]


@pytest.mark.parametrize("arguments", [[], ["/nonexistent-backups", "/tmp/x.prom"]])
def test_backup_metrics_refuse_bad_arguments(arguments: list[str]) -> None:
    result = run([str(REPO_ROOT / "scripts/backup-metrics.sh"), *arguments])
    assert result.returncode == (2 if not arguments else 1)
    assert result.stderr


# --- Prometheus and Alertmanager for real --------------------------------------------------


class _Process:
    """A binary on loopback, its output in a log file, stopped at the end of the test."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        self._out = log.open("wb")
        self.process = subprocess.Popen(args, stdout=self._out, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()


def _wait_for(fetch, what: str, process: _Process, timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        if process.process.poll() is not None:
            raise AssertionError(f"{what}: process exited: {process.log.read_text()[-2000:]}")
        try:
            result = fetch()
        except (httpx.HTTPError, ValueError):
            # Not up yet, or up but not ready: Prometheus answers its API with a plain-text
            # 503 until its storage is loaded, which is not JSON.
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}: {process.log.read_text()[-2000:]}")
        time.sleep(0.2)


def _serve_directory(directory: Path) -> tuple[ThreadingHTTPServer, threading.Thread]:
    handler = functools.partial(QuietFiles, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    return server, thread


class QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _prometheus_config(backend: str, textfile: str, alertmanager: str) -> dict[str, Any]:
    """The shipped configuration, with loopback addresses for what Docker's DNS would find."""
    config = yaml.safe_load((MONITORING / "prometheus/prometheus.yml").read_text())
    config["global"].update(scrape_interval="1s", evaluation_interval="1s")
    config["rule_files"] = [str(MONITORING / "prometheus/rules/*.yml")]
    config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"] = [alertmanager]
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    backend_job = jobs["backend"]
    del backend_job["dns_sd_configs"]
    backend_job["static_configs"] = [{"targets": [backend]}]
    node_job = jobs["node"]
    node_job.update(static_configs=[{"targets": [textfile]}], metrics_path="/backup.prom")
    config["scrape_configs"] = [backend_job, node_job]
    return config


def test_prometheus_scrapes_the_backend_and_alerts_reach_alertmanager(
    tmp_path: Path, database_url: str
) -> None:
    """Debian's Prometheus and Alertmanager with the shipped rules and Alertmanager config:
    the backend under gunicorn is scraped, and a backup 30 hours old (metrics written by
    scripts/backup-metrics.sh) fires BackupTooOld all the way to Alertmanager."""
    prometheus_bin = require_tool("prometheus", "apt-get install prometheus")
    alertmanager_bin = require_tool(
        "prometheus-alertmanager", "apt-get install prometheus-alertmanager"
    )
    backups = tmp_path / "backups"
    backups.mkdir()
    old = time.time() - 30 * 3600
    (backups / "tarefa-20261130T000000Z.dump").write_bytes(b"x")
    os.utime(backups / "tarefa-20261130T000000Z.dump", (old, old))
    textfiles = tmp_path / "textfile"
    textfiles.mkdir()
    assert backup_metrics(backups, textfiles / "backup.prom").returncode == 0

    backend = LiveServer(
        {k: str(v) for k, v in app_config(database_url).items() if v is not None},
        workers=1,
        ready_timeout=120,
    )
    files, files_thread = _serve_directory(textfiles)
    am_port, prom_port = free_port(), free_port()
    alertmanager = _Process(
        [alertmanager_bin, f"--config.file={MONITORING / 'alertmanager/alertmanager.yml'}",
         f"--storage.path={tmp_path / 'am'}", f"--web.listen-address=127.0.0.1:{am_port}",
         "--cluster.listen-address="],
        tmp_path / "alertmanager.log",
    )  # fmt: skip
    config = _prometheus_config(
        backend.url.removeprefix("http://"), f"127.0.0.1:{files.server_address[1]}",
        f"127.0.0.1:{am_port}",
    )  # fmt: skip
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    prometheus = _Process(
        [prometheus_bin, f"--config.file={tmp_path / 'prometheus.yml'}",
         f"--storage.tsdb.path={tmp_path / 'tsdb'}", f"--web.listen-address=127.0.0.1:{prom_port}"],
        tmp_path / "prometheus.log",
    )  # fmt: skip
    api = f"http://127.0.0.1:{prom_port}/api/v1"
    try:
        httpx.get(f"{backend.url}/api/tasks")  # one 401 to count

        def targets_up() -> dict[str, str] | None:
            active = httpx.get(f"{api}/targets").json()["data"]["activeTargets"]
            health = {t["labels"]["job"]: t["health"] for t in active}
            return health if health == {"backend": "up", "node": "up"} else None

        _wait_for(targets_up, "both targets up", prometheus)
        groups = httpx.get(f"{api}/rules").json()["data"]["groups"]
        assert sum(len(group["rules"]) for group in groups) == 11

        def requests_counted() -> list | None:
            query = 'tarefa_http_request_total{job="backend", status="401"}'
            return httpx.get(f"{api}/query", params={"query": query}).json()["data"]["result"]

        assert _wait_for(requests_counted, "the backend's request counter", prometheus)

        def backup_alert() -> list | None:
            alerts = httpx.get(f"http://127.0.0.1:{am_port}/api/v2/alerts").json()
            return [a for a in alerts if a["labels"]["alertname"] == "BackupTooOld"]

        [alert] = _wait_for(backup_alert, "BackupTooOld in Alertmanager", alertmanager)
        assert alert["labels"]["severity"] == "critical"
        assert alert["status"]["state"] == "active"
        assert alert["annotations"]["summary"].startswith("The newest backup is 1d 6h")
    finally:
        prometheus.stop()
        alertmanager.stop()
        files.shutdown()
        files.server_close()
        files_thread.join(timeout=5)
        backend.stop()
