"""Point-in-time recovery with pgBackRest, as the README's "Point-in-time recovery" section runs it.

A private PostgreSQL cluster (initdb in a temporary directory, on a free loopback port; as the
postgres user when the tests run as root) archives its WAL with pgBackRest; a full backup is
taken, rows are written before and after a recorded moment, and the cluster is restored to it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from .conftest import free_port
from .processes import PG_BIN, RUN_AS_POSTGRES

STANZA = "tarefa"


def pg_bin(name: str) -> str:
    return str(PG_BIN / name)


def as_postgres(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a command as the cluster's owner (initdb and pg_ctl refuse root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if RUN_AS_POSTGRES else []
    result = subprocess.run(
        [*prefix, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    return result


@dataclass
class Cluster:
    root: Path
    port: int

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def config(self) -> Path:
        return self.root / "pgbackrest.conf"

    def pgbackrest(self, *args: str) -> subprocess.CompletedProcess[str]:
        return as_postgres("pgbackrest", f"--config={self.config}", f"--stanza={STANZA}", *args)

    def start(self) -> None:
        log = self.root / "postgres.log"
        as_postgres(
            pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(log), "-w", "-t", "60", "start"
        )

    def stop(self) -> None:
        as_postgres(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        )


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if shutil.which("pgbackrest") is None:
        pytest.fail("pgbackrest is not installed: apt-get install pgbackrest", pytrace=False)
    # Not under pytest's tmp_path: its parent is root's, mode 700, closed to the postgres user.
    root = Path(tempfile.mkdtemp(prefix="tarefa-pitr-"))
    if RUN_AS_POSTGRES:
        shutil.chown(root, "postgres", "postgres")
    cluster = Cluster(root=root, port=free_port())
    for name in ("repo", "log", "lock"):
        as_postgres("mkdir", str(root / name))
    as_postgres(
        "sh", "-c",
        f"cat >{cluster.config} <<EOF\n"
        f"[global]\nrepo1-path={root / 'repo'}\nrepo1-retention-full=2\n"
        f"log-path={root / 'log'}\nlock-path={root / 'lock'}\n"
        "log-level-console=warn\nlog-level-file=detail\nstart-fast=y\n"
        f"[{STANZA}]\npg1-path={cluster.data}\npg1-port={cluster.port}\npg1-socket-path={root}\n"
        "EOF",
    )  # fmt: skip
    as_postgres(pg_bin("initdb"), "-D", str(cluster.data), "--auth=trust", "-U", "postgres")
    settings = (
        f"port = {cluster.port}\nlisten_addresses = '127.0.0.1'\n"
        f"unix_socket_directories = '{root}'\n"
        "wal_level = replica\narchive_mode = on\n"
        f"archive_command = 'pgbackrest --config={cluster.config} --stanza={STANZA} archive-push %p'\n"
        "max_wal_senders = 3\n"
    )
    with (cluster.data / "postgresql.conf").open("a") as conf:
        conf.write(settings)
    cluster.start()
    try:
        yield cluster
    finally:
        prefix = ["runuser", "-u", "postgres", "--"] if RUN_AS_POSTGRES else []
        subprocess.run(
            [*prefix, pg_bin("pg_ctl"), "-D", str(cluster.data), "-m", "immediate", "-w", "stop"],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def pgbackrest_time(moment: datetime) -> str:
    """``moment`` rounded up to the millisecond, in the form pgBackRest's --target takes."""
    moment = moment.astimezone(UTC) + timedelta(microseconds=999)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + "+00"


def wait_archived(cluster: Cluster, conn: psycopg.Connection) -> None:
    """Switch to a new WAL segment and wait (bounded) until the old one is in the repository."""
    segment = conn.execute("SELECT pg_walfile_name(pg_switch_wal())").fetchone()[0]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        row = conn.execute(
            "SELECT last_archived_wal, failed_count FROM pg_stat_archiver"
        ).fetchone()
        if row[0] is not None and row[0] >= segment:
            return
        time.sleep(0.2)
    pytest.fail(f"WAL segment {segment} was not archived within 60 s (archiver: {row})")


def test_restore_to_a_point_in_time_keeps_what_was_written_before_it(cluster: Cluster) -> None:
    cluster.pgbackrest("stanza-create")
    cluster.pgbackrest("check")
    cluster.pgbackrest("backup", "--type=full")
    (stanza,) = json.loads(cluster.pgbackrest("info", "--output=json").stdout)
    label = stanza["backup"][-1]["label"]
    with cluster.connect() as conn:
        conn.execute("CREATE TABLE tasks (id int PRIMARY KEY, title text NOT NULL)")
        conn.execute("INSERT INTO tasks SELECT g, 'antes ' || g FROM generate_series(1, 500) g")
        # The moment to go back to: after the first rows' commit, before the second's.
        target = conn.execute("SELECT clock_timestamp()").fetchone()[0]
        # pgBackRest takes milliseconds: the target rounded up stays after the first commit,
        # and the second one comes 10 ms later.
        conn.execute("SELECT pg_sleep(0.01)")
        conn.execute("INSERT INTO tasks SELECT g, 'depois ' || g FROM generate_series(501, 800) g")
        conn.execute("DELETE FROM tasks WHERE id <= 100")  # the mistake PITR undoes
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 700
        wait_archived(cluster, conn)
    cluster.stop()

    # --set names the backup: pgBackRest records its stop time in whole seconds, so within the
    # second the backup ended it would not pick it by itself.
    cluster.pgbackrest(
        "restore", "--delta", f"--set={label}", "--type=time",
        f"--target={pgbackrest_time(target)}", "--target-action=promote",
    )  # fmt: skip
    cluster.start()

    with cluster.connect() as conn:
        deadline = time.monotonic() + 60
        while conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
            assert time.monotonic() < deadline, "recovery did not finish within 60 s"
            time.sleep(0.2)
        rows = conn.execute("SELECT min(id), max(id), count(*) FROM tasks").fetchone()
        titles = conn.execute("SELECT count(*) FROM tasks WHERE title LIKE 'depois %'").fetchone()
    assert rows == (1, 500, 500)
    assert titles == (0,)


def test_a_backup_is_listed_with_its_wal_range(cluster: Cluster) -> None:
    cluster.pgbackrest("stanza-create")
    cluster.pgbackrest("backup", "--type=full")

    info = cluster.pgbackrest("info", "--output=json").stdout

    (stanza,) = json.loads(info)
    assert stanza["name"] == STANZA
    assert stanza["status"]["message"] == "ok"
    assert [backup["type"] for backup in stanza["backup"]] == ["full"]
    assert stanza["archive"][0]["min"] <= stanza["backup"][0]["archive"]["start"]
