"""scripts/restore-drill.sh: the newest backup restored into a scratch database, row counts compared."""

from __future__ import annotations

from pathlib import Path

import psycopg

from .conftest import clean_env, database_url, drop_database, run_script
from .test_backup import SAMPLE_ROWS, backup, make_sample_database


def drill_databases(source: str) -> list[str]:
    with psycopg.connect(database_url("postgres")) as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s ORDER BY datname",
            (f"{source}_drill_%",),
        ).fetchall()
    return [name for (name,) in rows]


def drill(source: str, backup_dir: Path, *args: str, **env: str):
    return run_script(
        "restore-drill.sh",
        *args,
        env=clean_env(DATABASE_URL=database_url(source), BACKUP_DIR=str(backup_dir), **env),
    )


def test_drill_restores_the_newest_backup_and_compares_every_table(make_database, backup_dir):
    source = make_sample_database(make_database)
    older = backup(source, backup_dir)
    with psycopg.connect(database_url(source), autocommit=True) as conn:
        conn.execute("INSERT INTO owners (name) VALUES ('added after the first backup')")
    newest = backup(source, backup_dir)
    assert newest != older

    result = drill(source, backup_dir)

    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert lines == [
        ["table", "dumped", "restored"],
        ["public.notes", str(SAMPLE_ROWS), str(SAMPLE_ROWS)],
        ["public.owners", "3", "3"],
    ]
    assert f"restoring {newest}" in result.stderr
    assert "restore drill passed: 2 tables" in result.stderr
    assert drill_databases(source) == []  # the scratch database is gone


def test_a_corrupt_backup_fails_the_drill_and_leaves_nothing(make_database, backup_dir):
    source = make_sample_database(make_database)
    file = backup(source, backup_dir)
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    file.write_bytes(bytes(data))

    result = drill(source, backup_dir, str(file))

    assert result.returncode == 1
    assert "checksum mismatch" in result.stderr
    assert drill_databases(source) == []


def test_drill_keep_leaves_the_scratch_database_for_inspection(make_database, backup_dir):
    source = make_sample_database(make_database)
    backup(source, backup_dir)

    result = drill(source, backup_dir, DRILL_KEEP="1")

    assert result.returncode == 0, result.stderr
    [kept] = drill_databases(source)
    try:
        with psycopg.connect(database_url(kept)) as conn:
            assert conn.execute("SELECT count(*) FROM notes").fetchone() == (SAMPLE_ROWS,)
    finally:
        drop_database(kept)


def test_no_backup_is_a_clear_error(make_database, backup_dir):
    source = make_database()
    result = drill(source, backup_dir)
    assert result.returncode == 1
    assert f"no backup (*.dump) in {backup_dir}" in result.stderr
