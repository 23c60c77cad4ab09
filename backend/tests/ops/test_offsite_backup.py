"""scripts/offsite-backup.sh: encrypted restic copies in an S3-compatible bucket.

The bucket is moto's S3 server on loopback (a real HTTP server speaking the S3 API; MinIO has
no package here), restic is Debian's. The drill: back up a database, copy it off-site, lose
the local copies, restore from the bucket into a scratch database, and compare every row.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import boto3
import httpx
import pytest
from moto.server import ThreadedMotoServer

from tests.infra.conftest import require_tool
from tests.infra.test_static import compose, filled_prod_env
from tests.support.servers import REPO_ROOT

from .conftest import clean_env, run_script
from .test_backup import (
    SAMPLE_TABLES,
    backup,
    make_sample_database,
    restore,
    table_checksum,
    write_fake_backup,
)

ACCESS_KEY, SECRET_KEY = "tarefa-test-access", "tarefa-test-secret-key"


@pytest.fixture
def s3_url() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    # moto keeps its buckets in the process, across servers: start every test empty.
    httpx.post(f"{url}/moto-api/reset").raise_for_status()
    yield url
    server.stop()


@pytest.fixture
def offsite_env(tmp_path: Path, s3_url: str) -> dict[str, str]:
    require_tool("restic", "apt-get install restic")
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    for name, value in [("restic", "correct horse battery staple"), ("access", ACCESS_KEY),
                        ("secret", SECRET_KEY)]:  # fmt: skip
        (secrets / name).write_text(value + "\n")
    return clean_env(
        RESTIC_REPOSITORY=f"s3:{s3_url}/tarefa-offsite/prod",
        RESTIC_PASSWORD_FILE=str(secrets / "restic"),
        AWS_ACCESS_KEY_ID_FILE=str(secrets / "access"),
        AWS_SECRET_ACCESS_KEY_FILE=str(secrets / "secret"),
        RESTIC_CACHE_DIR=str(tmp_path / "restic-cache"),
        OFFSITE_METRICS_FILE=str(tmp_path / "offsite.prom"),
    )


def offsite(backup_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_script("offsite-backup.sh", str(backup_dir), env=env)


def restic(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    secrets = {
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }
    return subprocess.run(
        ["restic", *args], env={**env, **secrets}, capture_output=True, text=True, check=False
    )


def test_drill_restores_a_database_from_the_off_site_copy(
    make_database, backup_dir: Path, offsite_env: dict[str, str], tmp_path: Path
) -> None:
    source = make_sample_database(make_database)
    expected = {table: table_checksum(source, table) for table in SAMPLE_TABLES}
    dump = backup(source, backup_dir)
    started = int(time.time())

    result = offsite(backup_dir, offsite_env)

    assert result.returncode == 0, result.stderr
    metrics = (tmp_path / "offsite.prom").read_text().splitlines()
    stamp = int(metrics[-1].split()[-1])
    assert metrics[-1].startswith("tarefa_offsite_backup_last_success_timestamp_seconds ")
    assert started <= stamp <= int(time.time())
    # The host is lost: nothing local survives.
    for path in backup_dir.iterdir():
        path.unlink()
    restored_dir = tmp_path / "restored"
    fetched = restic(
        offsite_env, "restore", "latest", "--host", "tarefa", "--target", str(restored_dir)
    )
    assert fetched.returncode == 0, fetched.stderr
    copy = restored_dir / dump.relative_to("/")
    assert copy.is_file() and Path(f"{copy}.sha256").is_file()

    scratch = make_database()
    restored = restore(scratch, copy, RESTORE_MIGRATE_CMD="")

    assert restored.returncode == 0, restored.stderr
    assert {table: table_checksum(scratch, table) for table in SAMPLE_TABLES} == expected


def test_copies_are_encrypted_and_kept_by_count(
    backup_dir: Path, offsite_env: dict[str, str], s3_url: str
) -> None:
    env = {**offsite_env, "OFFSITE_KEEP_LAST": "2", "OFFSITE_KEEP_WITHIN": ""}
    marker = b"PLAINTEXT-MARKER-tarefa-0123456789"
    for day in range(3):
        write_fake_backup(backup_dir, f"tarefa-2026120{day}T000000Z.dump")
        (backup_dir / f"tarefa-2026120{day}T000000Z.dump").write_bytes(marker * 50)
        (backup_dir / ".tarefa-partial.dump.Xy12").write_bytes(b"half written")
        result = offsite(backup_dir, env)
        assert result.returncode == 0, result.stderr

    listed = restic(env, "snapshots", "--json", "--host", "tarefa")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 2
    files = restic(env, "ls", "latest", "--json")
    names = {json.loads(line).get("name") for line in files.stdout.splitlines()[1:]}
    assert {f"tarefa-2026120{day}T000000Z.dump" for day in range(3)} <= names
    assert ".tarefa-partial.dump.Xy12" not in names  # temporary files are not copied

    s3 = boto3.client(
        "s3", endpoint_url=s3_url, aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY, region_name="us-east-1",
    )  # fmt: skip
    objects = s3.list_objects_v2(Bucket="tarefa-offsite")["Contents"]
    assert objects
    for item in objects:
        body = s3.get_object(Bucket="tarefa-offsite", Key=item["Key"])["Body"].read()
        assert marker not in body, item["Key"]


def test_wrong_key_fails_and_reports_no_success(
    backup_dir: Path, offsite_env: dict[str, str], tmp_path: Path
) -> None:
    write_fake_backup(backup_dir, "tarefa-20261201T000000Z.dump")
    assert offsite(backup_dir, offsite_env).returncode == 0
    metrics = tmp_path / "offsite.prom"
    metrics.unlink()
    wrong = tmp_path / "wrong-key"
    wrong.write_text("not the key\n")

    result = offsite(backup_dir, {**offsite_env, "RESTIC_PASSWORD_FILE": str(wrong)})

    assert result.returncode != 0
    assert not metrics.exists()


@pytest.mark.parametrize(
    ("drop", "message"),
    [
        ("RESTIC_REPOSITORY", "set RESTIC_REPOSITORY"),
        ("RESTIC_PASSWORD_FILE", "RESTIC_PASSWORD_FILE"),
    ],
)
def test_missing_settings_are_named(
    backup_dir: Path, offsite_env: dict[str, str], drop: str, message: str
) -> None:
    env = {k: v for k, v in offsite_env.items() if k != drop}
    result = offsite(backup_dir, env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("profile", ["offsite", "backup-test"])
def test_offsite_profiles_keep_keys_out_of_the_environment(tmp_path: Path, profile: str) -> None:
    result = compose(
        tmp_path,
        "-f", str(REPO_ROOT / "docker-compose.prod.yml"),
        "--env-file", str(filled_prod_env(tmp_path)),
        "--profile", profile,
        "config", "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    services = config["services"]
    expected = {"offsite-backup", "minio"} if profile == "backup-test" else {"offsite-backup"}
    assert expected <= set(services)
    assert "minio" in services if profile == "backup-test" else "minio" not in services
    offsite_service = services["offsite-backup"]
    environment = offsite_service["environment"]
    assert environment["RESTIC_PASSWORD_FILE"] == "/run/secrets/restic_password"
    assert environment["AWS_SECRET_ACCESS_KEY_FILE"] == "/run/secrets/offsite_secret_key"
    assert not {"RESTIC_PASSWORD", "AWS_SECRET_ACCESS_KEY"} & set(environment)
    assert {s["source"] for s in offsite_service["secrets"]} == {
        "restic_password", "offsite_access_key", "offsite_secret_key"
    }  # fmt: skip
    backups = next(v for v in offsite_service["volumes"] if v["target"] == "/backups")
    assert backups["source"] == "backups" and backups["read_only"] is True
