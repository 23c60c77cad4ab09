"""scripts/backup.sh and scripts/restore.sh against the real PostgreSQL server."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from alembic.script import ScriptDirectory
from psycopg import sql

from .conftest import (
    BACKEND_DIR,
    PG_SERVER_URL,
    clean_env,
    create_database,
    database_url,
    drop_database,
    free_port,
    run_script,
)

SKIP_MIGRATIONS = ""  # RESTORE_MIGRATE_CMD value for databases that are not Tarefa's schema

SAMPLE_SCHEMA = """
CREATE TABLE owners (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    email text UNIQUE
);
CREATE TABLE notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id bigint REFERENCES owners (id),
    title text NOT NULL,
    body text,
    due date,
    score numeric(10, 3),
    created_at timestamptz NOT NULL DEFAULT now(),
    meta jsonb
);
CREATE INDEX notes_owner_id_idx ON notes (owner_id);
INSERT INTO owners (name, email) VALUES ('João da Conceição', 'joao@example.com'), ('Zoë 🚀', NULL);
INSERT INTO notes (owner_id, title, body, due, score, meta)
SELECT 1 + g % 2,
       'Tarefa nº ' || g || ' — revisão',
       CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('ç', g % 40) || ' 🎉 ' || g END,
       CASE WHEN g % 5 = 0 THEN NULL ELSE date '2026-01-01' + g % 365 END,
       CASE WHEN g % 7 = 0 THEN NULL ELSE g / 7.0 END,
       CASE WHEN g % 4 = 0 THEN NULL ELSE jsonb_build_object('n', g, 'tag', 'coração') END
FROM generate_series(1, 12000) AS g;
INSERT INTO notes (owner_id, title, body)
VALUES (NULL, 'Pão de açúcar, ñandú, 👩🏽‍💻 e 中文', E'two\\nlines\\t"quoted" \\\\ backslash');
"""

SAMPLE_TABLES = ("owners", "notes")
SAMPLE_ROWS = 12_001


def execute(dbname: str, statement: str) -> None:
    with psycopg.connect(database_url(dbname), autocommit=True) as conn:
        conn.execute(statement)


def fetch_rows(dbname: str, table: str) -> list[tuple]:
    with psycopg.connect(database_url(dbname)) as conn:
        query = sql.SQL("SELECT * FROM {} ORDER BY id").format(sql.Identifier(table))
        return conn.execute(query).fetchall()


def table_checksum(dbname: str, table: str) -> tuple[int, str]:
    """Row count and an MD5 over every row's text form, in id order, computed by PostgreSQL."""
    query = sql.SQL(
        "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) FROM {} AS t"
    ).format(sql.Identifier(table))
    with psycopg.connect(database_url(dbname)) as conn:
        return conn.execute(query).fetchone()


def make_sample_database(make_database: Callable[[], str]) -> str:
    dbname = make_database()
    execute(dbname, SAMPLE_SCHEMA)
    return dbname


def backup(dbname: str, backup_dir: Path, **env: str) -> Path:
    result = run_script(
        "backup.sh",
        env=clean_env(DATABASE_URL=database_url(dbname), BACKUP_DIR=str(backup_dir), **env),
    )
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


def restore(dbname: str, file: Path, *args: str, **env: str):
    return run_script(
        "restore.sh", str(file), *args, env=clean_env(DATABASE_URL=database_url(dbname), **env)
    )


def test_round_trip_restores_identical_rows_and_checksums(make_database, backup_dir):
    dbname = make_sample_database(make_database)
    rows_before = {table: fetch_rows(dbname, table) for table in SAMPLE_TABLES}
    checksums_before = {table: table_checksum(dbname, table) for table in SAMPLE_TABLES}
    assert checksums_before["notes"][0] == SAMPLE_ROWS

    file = backup(dbname, backup_dir)
    assert file.parent == backup_dir
    assert file.name.startswith(f"{dbname}-") and file.suffix == ".dump"
    assert sorted(p.name for p in backup_dir.iterdir()) == [file.name, f"{file.name}.sha256"]
    drop_database(dbname)
    create_database(dbname, unique=False)

    result = restore(dbname, file, RESTORE_MIGRATE_CMD=SKIP_MIGRATIONS)

    assert result.returncode == 0, result.stderr
    assert {table: fetch_rows(dbname, table) for table in SAMPLE_TABLES} == rows_before
    assert {table: table_checksum(dbname, table) for table in SAMPLE_TABLES} == checksums_before
    with psycopg.connect(database_url(dbname)) as conn:
        emoji = conn.execute("SELECT name FROM owners WHERE email IS NULL").fetchone()
        next_id = conn.execute(
            "INSERT INTO notes (title) VALUES ('after restore') RETURNING id"
        ).fetchone()
    assert emoji == ("Zoë 🚀",)
    assert next_id == (SAMPLE_ROWS + 1,)


def write_fake_backup(directory: Path, name: str, age_days: float = 0) -> Path:
    dump = directory / name
    dump.write_bytes(b"PGDMP fake")
    sidecar = directory / f"{name}.sha256"
    sidecar.write_text(f"{'0' * 64}  {name}\n")
    stamp = time.time() - age_days * 86_400
    for path in (dump, sidecar):
        os.utime(path, (stamp, stamp))
    return dump


def test_retention_by_count_keeps_the_newest(make_database, backup_dir):
    dbname = make_database()
    for day in range(1, 6):
        write_fake_backup(backup_dir, f"{dbname}-2026010{day}T000000Z.dump")
    unrelated = write_fake_backup(backup_dir, "otherdb-20260101T000000Z.dump")
    (backup_dir / "notes.txt").write_text("not a backup")

    new = backup(dbname, backup_dir, BACKUP_KEEP="3", BACKUP_KEEP_DAYS="0")

    kept = {f"{dbname}-20260104T000000Z.dump", f"{dbname}-20260105T000000Z.dump", new.name}
    expected = kept | {f"{name}.sha256" for name in kept}
    expected |= {unrelated.name, f"{unrelated.name}.sha256", "notes.txt"}
    assert {p.name for p in backup_dir.iterdir()} == expected


def test_retention_by_age_removes_old_files(make_database, backup_dir):
    dbname = make_database()
    old = write_fake_backup(backup_dir, f"{dbname}-20260101T000000Z.dump", age_days=8.1)
    recent = write_fake_backup(backup_dir, f"{dbname}-20260102T000000Z.dump", age_days=6.9)

    new = backup(dbname, backup_dir, BACKUP_KEEP="0", BACKUP_KEEP_DAYS="7")

    names = {p.name for p in backup_dir.iterdir()}
    assert names == {recent.name, f"{recent.name}.sha256", new.name, f"{new.name}.sha256"}
    assert old.name not in names


def test_corrupted_backup_is_refused_before_anything_is_dropped(make_database, backup_dir):
    dbname = make_sample_database(make_database)
    file = backup(dbname, backup_dir)
    checksum_before = table_checksum(dbname, "notes")
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    file.write_bytes(bytes(data))

    result = restore(dbname, file, "--force", RESTORE_MIGRATE_CMD=SKIP_MIGRATIONS)

    assert result.returncode == 1
    assert "checksum mismatch" in result.stderr
    assert table_checksum(dbname, "notes") == checksum_before


def test_missing_checksum_file_is_refused(make_database, backup_dir):
    dbname = make_sample_database(make_database)
    file = backup(dbname, backup_dir)
    Path(f"{file}.sha256").unlink()

    result = restore(dbname, file, "--force", RESTORE_MIGRATE_CMD=SKIP_MIGRATIONS)

    assert result.returncode == 1
    assert "no checksum file" in result.stderr


def test_non_empty_database_is_refused_without_force(make_database, backup_dir):
    source = make_sample_database(make_database)
    file = backup(source, backup_dir)
    target = make_database()
    execute(
        target,
        "CREATE TABLE notes (id int PRIMARY KEY, title text); INSERT INTO notes VALUES (1, 'keep')",
    )

    refused = restore(target, file, RESTORE_MIGRATE_CMD=SKIP_MIGRATIONS)

    assert refused.returncode == 1
    assert "holds data (tables: public.notes)" in refused.stderr
    assert fetch_rows(target, "notes") == [(1, "keep")]

    forced = restore(target, file, "--force", RESTORE_MIGRATE_CMD=SKIP_MIGRATIONS)

    assert forced.returncode == 0, forced.stderr
    assert table_checksum(target, "notes") == table_checksum(source, "notes")


def flask_db(dbname: str, *args: str) -> None:
    completed = subprocess.run(
        [str(BACKEND_DIR / ".venv/bin/flask"), "--app", "app", "db", *args],
        cwd=BACKEND_DIR,
        env=clean_env(DATABASE_URL=database_url(dbname)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_older_schema_backup_is_restored_and_upgraded_to_head(make_database, backup_dir):
    migrations = BACKEND_DIR / "migrations"
    assert migrations.is_dir(), "backend/migrations (the lead's Alembic revisions) is missing"
    scripts = ScriptDirectory(str(migrations))
    base, head = scripts.get_base(), scripts.get_current_head()
    assert base != head, "needs at least two Alembic revisions in backend/migrations"
    source = make_database()
    flask_db(source, "upgrade", base)
    execute(
        source,
        "INSERT INTO users (name, email, password_hash, created_at, updated_at) "
        "VALUES ('Ana Lúcia', 'ana@example.com', 'x', now(), now());"
        "INSERT INTO tasks (user_id, title, created_at, updated_at) "
        "SELECT id, 'Revisar orçamento 📊', now(), now() FROM users",
    )
    file = backup(source, backup_dir)
    target = make_database()

    result = restore(target, file)

    assert result.returncode == 0, result.stderr
    with psycopg.connect(database_url(target)) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        tasks = conn.execute(
            "SELECT title, parent_id, estimate_minutes FROM tasks JOIN users ON users.id = user_id "
            "WHERE email = 'ana@example.com'"
        ).fetchall()
        columns = conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'tasks' AND column_name IN ('parent_id', 'estimate_minutes') "
            "ORDER BY column_name"
        ).fetchall()
    assert version == [(head,)]
    assert tasks == [("Revisar orçamento 📊", None, None)]
    assert columns == [("estimate_minutes",), ("parent_id",)]


def fake_pg_dump(directory: Path, body: str) -> dict[str, str]:
    """A PATH whose pg_dump is the given shell script body."""
    directory.mkdir()
    program = directory / "pg_dump"
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return {"PATH": f"{directory}:{os.environ['PATH']}"}


def test_failing_pg_dump_leaves_no_partial_file(make_database, backup_dir, tmp_path):
    dbname = make_database()
    path = fake_pg_dump(tmp_path / "bin", "printf 'PGDMP partial archive'\nexit 1")

    result = run_script(
        "backup.sh",
        env=clean_env(DATABASE_URL=database_url(dbname), BACKUP_DIR=str(backup_dir), **path),
    )

    assert result.returncode == 1
    assert list(backup_dir.iterdir()) == []


def test_unreachable_server_leaves_no_partial_file(backup_dir):
    result = run_script(
        "backup.sh",
        env=clean_env(
            DATABASE_URL=f"postgresql://postgres@127.0.0.1:{free_port()}/tarefa",
            BACKUP_DIR=str(backup_dir),
        ),
    )

    assert result.returncode != 0
    assert "connection" in result.stderr
    assert list(backup_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgresql://tarefa:p%40ss%20w%3Ard@db.internal:6543/tarefa_prod?sslmode=require",
            "PGHOST=db.internal PGPORT=6543 PGUSER=tarefa PGPASSWORD=p@ss w:rd "
            "PGDATABASE=tarefa_prod PGSSLMODE=require",
        ),
        (
            "postgresql+psycopg://app:s3cr%C3%A9t@[::1]:5433/t%C3%A1refa",
            "PGHOST=::1 PGPORT=5433 PGUSER=app PGPASSWORD=s3crét PGDATABASE=tárefa PGSSLMODE=",
        ),
    ],
)
def test_password_goes_to_the_environment_not_the_command_line(tmp_path, url, expected):
    record = tmp_path / "pg_dump.txt"
    report = (
        'echo "args=$*" >"$RECORD"\n'
        'echo "PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGPASSWORD=$PGPASSWORD '
        'PGDATABASE=$PGDATABASE PGSSLMODE=$PGSSLMODE" >>"$RECORD"\n'
        "exit 1"
    )
    path = fake_pg_dump(tmp_path / "bin", report)

    result = run_script(
        "backup.sh",
        env=clean_env(DATABASE_URL=url, BACKUP_DIR=str(tmp_path / "b"), RECORD=str(record), **path),
    )

    assert result.returncode == 1
    assert record.read_text().splitlines() == ["args=--format=custom --no-password", expected]


RECORD_CONNECTION = (
    'echo "PGHOST=$PGHOST PGUSER=$PGUSER PGPASSWORD=$PGPASSWORD PGDATABASE=$PGDATABASE" >"$RECORD"\n'
    "exit 1"
)


@pytest.mark.parametrize(
    ("env", "files", "expected"),
    [
        (  # the compose backup service: POSTGRES_* with the password as a secret file
            {"POSTGRES_HOST": "db", "POSTGRES_USER": "tarefa", "POSTGRES_DB": "tarefa"},
            {"POSTGRES_PASSWORD_FILE": "pässword 1\n"},
            "PGHOST=db PGUSER=tarefa PGPASSWORD=pässword 1 PGDATABASE=tarefa",
        ),
        (  # the whole URL in a file, CRLF line end
            {},
            {"DATABASE_URL_FILE": "postgresql://app:s%40cret@db.internal/prod\r\n"},
            "PGHOST=db.internal PGUSER=app PGPASSWORD=s@cret PGDATABASE=prod",
        ),
        (  # the backend's variables: URL without password, password in a file
            {"DATABASE_URL": "postgresql://app@db/prod"},
            {"DATABASE_PASSWORD_FILE": "from-the-file\n"},
            "PGHOST=db PGUSER=app PGPASSWORD=from-the-file PGDATABASE=prod",
        ),
    ],
)
def test_connection_secrets_come_from_files(tmp_path, env, files, expected):
    record = tmp_path / "pg_dump.txt"
    path = fake_pg_dump(tmp_path / "bin", RECORD_CONNECTION)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    file_vars = {name: str(tmp_path / name) for name in files}

    result = run_script(
        "backup.sh",
        env=clean_env(
            BACKUP_DIR=str(tmp_path / "b"), RECORD=str(record), **env, **file_vars, **path
        ),
    )

    assert result.returncode == 1
    assert record.read_text().splitlines() == [expected]
    assert "pässword" not in result.stderr and "s@cret" not in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"POSTGRES_DB": "t", "POSTGRES_PASSWORD": "a", "POSTGRES_PASSWORD_FILE": "{file}"},
            "error: POSTGRES_PASSWORD and POSTGRES_PASSWORD_FILE are both set; keep one",
        ),
        (
            {"POSTGRES_DB": "t", "POSTGRES_PASSWORD_FILE": "{missing}"},
            "error: POSTGRES_PASSWORD_FILE: cannot read {missing}",
        ),
        (
            {"DATABASE_URL": "postgresql://db/t", "DATABASE_URL_FILE": "{file}"},
            "error: DATABASE_URL and DATABASE_URL_FILE are both set; keep one",
        ),
    ],
)
def test_bad_secret_files_stop_the_backup_before_connecting(tmp_path, env, message):
    secret = tmp_path / "secret"
    secret.write_text("value\n")
    places = {"file": str(secret), "missing": str(tmp_path / "missing")}
    path = fake_pg_dump(tmp_path / "bin", 'touch "$RECORD"')
    record = tmp_path / "ran"
    env = {name: value.format(**places) for name, value in env.items()}

    result = run_script(
        "backup.sh",
        env=clean_env(BACKUP_DIR=str(tmp_path / "b"), RECORD=str(record), **env, **path),
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].endswith(message.format(**places))
    assert not record.exists()


def test_round_trip_with_the_password_in_a_file(make_database, backup_dir, tmp_path):
    """The compose backup service's variables: POSTGRES_* and POSTGRES_PASSWORD_FILE."""
    source = make_sample_database(make_database)
    target = make_database()
    password = tmp_path / "postgres_password"
    password.write_text("unused-by-trust-auth\n")
    server = psycopg.conninfo.conninfo_to_dict(PG_SERVER_URL)

    def compose_env(dbname: str) -> dict[str, str]:
        return clean_env(
            POSTGRES_HOST=server["host"],
            POSTGRES_PORT=str(server["port"]),
            POSTGRES_USER=server["user"],
            POSTGRES_DB=dbname,
            POSTGRES_PASSWORD_FILE=str(password),
            BACKUP_DIR=str(backup_dir),
        )

    made = run_script("backup.sh", env=compose_env(source))
    assert made.returncode == 0, made.stderr
    restored = run_script(
        "restore.sh",
        made.stdout.strip(),
        env={**compose_env(target), "RESTORE_MIGRATE_CMD": SKIP_MIGRATIONS},
    )

    assert restored.returncode == 0, restored.stderr
    for table in SAMPLE_TABLES:
        assert table_checksum(target, table) == table_checksum(source, table)
