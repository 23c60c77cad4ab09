"""Certificate renewal in the `tls` profile: the certbot service's loop, and Nginx reloading
itself when the certificate changes (nginx/entrypoint.d/40-tarefa-reload-on-new-certificate.sh).

No ACME server is reachable here, so certbot itself is a stand-in that records its arguments,
and a renewal is done the way certbot lays it out: new numbered files in archive/, the live/
symlinks switched to them, the new key with the old key's group and group-read bit (certbot's
storage.save_successor). The watcher runs against a real nginx serving TLS on loopback.
"""

from __future__ import annotations

import json
import os
import signal
import ssl
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.infra.conftest import require_tool, run
from tests.infra.test_static import prod_config_json
from tests.support.ports import free_port
from tests.support.servers import REPO_ROOT

WATCHER = REPO_ROOT / "nginx/entrypoint.d/40-tarefa-reload-on-new-certificate.sh"
NAME = "tarefa.test"


def wait_for(predicate, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {timeout:.0f} s", pytrace=False)
        time.sleep(0.1)


# --- the certbot service's loop ------------------------------------------------------------


def certbot_loop(tmp_path: Path) -> tuple[list[str], str]:
    """The certbot service's entrypoint and command, as `compose config` resolves them."""
    service = json.loads(prod_config_json(tmp_path, "tls"))["services"]["certbot"]
    # certbot chowns each renewed key to the previous key's group (101, the unprivileged
    # Nginx): without CHOWN, root in the container may not give a file a group it is not in.
    assert service["cap_drop"] == ["ALL"]
    assert service["cap_add"] == ["CHOWN"]
    (script,) = service["command"]
    return service["entrypoint"], script


def test_certbot_service_renews_on_its_interval_survives_failures_and_stops_on_term(
    tmp_path: Path,
) -> None:
    entrypoint, script = certbot_loop(tmp_path)
    assert entrypoint == ["sh", "-c"]
    bin_dir, calls = tmp_path / "bin", tmp_path / "calls"
    bin_dir.mkdir()
    fake = bin_dir / "certbot"
    # Fails on its first run (an ACME outage), succeeds afterwards.
    fake.write_text('#!/bin/sh\necho "$*" >>"$CALLS"\n[ "$(wc -l <"$CALLS")" -gt 1 ] || exit 1\n')
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    env = {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "CALLS": str(calls),
        "CERTBOT_RENEW_INTERVAL_SECONDS": "1",
    }

    process = subprocess.Popen(
        [*entrypoint, script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for(
            lambda: calls.exists() and len(calls.read_text().splitlines()) >= 3,
            "three renewal runs",
        )
        process.send_signal(signal.SIGTERM)
        # `sleep & wait` lets the TERM trap run at once instead of after the interval.
        _, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    runs = calls.read_text().splitlines()
    assert set(runs) == {"renew --webroot -w /var/www/certbot --non-interactive"}
    assert stderr.count("certbot renew failed") == 1


# --- Nginx reloads itself on a renewed certificate ---------------------------------------------


@dataclass
class Lineage:
    """A certbot lineage: archive/NAME/{fullchain,privkey}N.pem, live/NAME/* symlinks."""

    root: Path
    version: int = 0

    @property
    def fullchain(self) -> Path:
        return self.root / "live" / NAME / "fullchain.pem"

    @property
    def privkey(self) -> Path:
        return self.root / "live" / NAME / "privkey.pem"

    def renew(self, key_from: Lineage | None = None) -> str:
        """Write the next certificate (or one whose key is another lineage's) and switch live/."""
        openssl = require_tool("openssl", "apt-get install openssl")
        self.version += 1
        archive = self.root / "archive" / NAME
        archive.mkdir(parents=True, exist_ok=True)
        (self.root / "live" / NAME).mkdir(parents=True, exist_ok=True)
        cert = archive / f"fullchain{self.version}.pem"
        key = archive / f"privkey{self.version}.pem"
        made = run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "90",
             "-subj", f"/CN={NAME}/serialNumber={self.version}",
             "-keyout", str(key), "-out", str(cert)]
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
        previous = archive / f"privkey{self.version - 1}.pem"
        mode = 0o600
        if previous.exists():  # certbot keeps the old key's group bits (compute_private_key_mode)
            mode |= stat.S_IMODE(previous.stat().st_mode) & (stat.S_IRWXG | stat.S_IROTH)
        key.chmod(mode)
        if key_from is not None:
            key.write_bytes(key_from.privkey.read_bytes())
        for link, target in ((self.fullchain, cert), (self.privkey, key)):
            fresh = link.with_name(link.name + ".new")
            fresh.symlink_to(os.path.relpath(target, link.parent))
            fresh.replace(link)
        return cert.read_text()


def served_certificate(port: int) -> str:
    return ssl.get_server_certificate(("127.0.0.1", port), timeout=5)


def same_certificate(a: str, b: str) -> bool:
    return ssl.PEM_cert_to_DER_cert(a) == ssl.PEM_cert_to_DER_cert(b)


@dataclass
class TlsNginx:
    https_port: int
    watcher_log: Path


@pytest.fixture
def tls_nginx(tmp_path: Path) -> Iterator[tuple[TlsNginx, Lineage]]:
    binary = require_tool("nginx", "apt-get install nginx")
    require_tool("envsubst", "apt-get install gettext-base")
    lineage = Lineage(tmp_path / "letsencrypt")
    lineage.renew()
    spa = tmp_path / "spa"
    spa.mkdir()
    (spa / "index.html").write_text("<!doctype html>\n")
    prefix, https_port = tmp_path / "prefix", free_port()
    env = {
        **os.environ,
        "NGINX_LISTEN_PORT": f"127.0.0.1:{free_port()}",
        "NGINX_TLS_PORT": f"127.0.0.1:{https_port}",
        "NGINX_SERVER_NAME": NAME,
        "NGINX_UPSTREAM_SERVERS": f"server 127.0.0.1:{free_port()};",
        "NGINX_SPA_ROOT": str(spa),
        "TLS_MODE": "on",
        "TLS_CERTIFICATE": str(lineage.fullchain),
        "TLS_CERTIFICATE_KEY": str(lineage.privkey),
    }
    rendered = run([str(REPO_ROOT / "scripts/render-nginx.sh"), str(prefix)], env=env)
    assert rendered.returncode == 0, rendered.stderr
    args = [
        "-p",
        str(prefix),
        "-e",
        str(prefix / "logs/error.log"),
        "-c",
        str(prefix / "nginx.conf"),
    ]
    server = subprocess.Popen(
        [binary, *args, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # The image runs plain `nginx -t` / `nginx -s reload`; here they must name this prefix.
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "nginx").write_text(f'#!/bin/sh\nexec {binary} {" ".join(args)} "$@"\n')
    (shim / "nginx").chmod(0o755)
    log = tmp_path / "watcher.log"
    with log.open("w") as out:
        watcher = subprocess.Popen(
            ["sh", str(WATCHER)],
            env={**env, "PATH": f"{shim}:{os.environ['PATH']}", "NGINX_CERT_CHECK_SECONDS": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its background loop stays in this group, killed below
        )
    try:
        assert watcher.wait(timeout=10) == 0, log.read_text()
        wait_for(lambda: _answers(https_port), "nginx answering TLS")
        yield TlsNginx(https_port=https_port, watcher_log=log), lineage
    finally:
        os.killpg(watcher.pid, signal.SIGTERM)
        server.terminate()
        server.wait(timeout=10)


def _answers(port: int) -> bool:
    try:
        served_certificate(port)
        return True
    except OSError:
        return False


def test_nginx_serves_a_renewed_certificate_without_a_restart(tls_nginx) -> None:
    nginx, lineage = tls_nginx
    first = (lineage.root / "archive" / NAME / "fullchain1.pem").read_text()
    assert same_certificate(served_certificate(nginx.https_port), first)

    renewed = lineage.renew()

    wait_for(
        lambda: same_certificate(served_certificate(nginx.https_port), renewed),
        "the renewed certificate served",
    )
    assert f"tarefa: certificate {lineage.fullchain} changed; Nginx reloaded" in (
        nginx.watcher_log.read_text()
    )


def test_a_certificate_that_does_not_load_leaves_the_old_one_served(tls_nginx, tmp_path) -> None:
    nginx, lineage = tls_nginx
    first = served_certificate(nginx.https_port)
    stranger = Lineage(tmp_path / "other")
    stranger.renew()

    lineage.renew(key_from=stranger)  # a certificate with a key that is not its own

    wait_for(
        lambda: "does not load; Nginx keeps the old one" in nginx.watcher_log.read_text(),
        "the watcher refusing the broken pair",
    )
    assert same_certificate(served_certificate(nginx.https_port), first)
