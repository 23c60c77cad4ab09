"""Concurrent moves, creations and label first-uses on PostgreSQL, with real threads on a
committed database (no test transaction: each request commits like in production)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from app import create_app
from app.core.extensions import db
from tests.organise.client import Api
from tests.support.apps import app_config, migrate_database
from tests.support.databases import create_database, drop_database

THREADS = 6


@pytest.fixture
def live_app() -> Iterator[Any]:
    url = create_database("tarefa_organise")
    migrate_database(url)
    app = create_app(app_config(url, RATELIMIT_AUTH="1000 per minute"))
    yield app
    with app.app_context():
        db.engine.dispose()
    drop_database(url)


@pytest.fixture
def api(live_app) -> Api:
    return Api.register(live_app.test_client(), "ana@example.com")


def in_threads(api: Api, live_app: Any, work: Callable[[Api, int], None]) -> None:
    """Run ``work`` in THREADS threads at once, each with its own client."""
    barrier = threading.Barrier(THREADS)

    def run(n: int) -> None:
        mine = Api(live_app.test_client(), api.headers)
        barrier.wait()
        work(mine, n)

    with ThreadPoolExecutor(THREADS) as pool:
        for future in [pool.submit(run, n) for n in range(THREADS)]:
            future.result()


def listing(api: Api, query: str) -> list[dict[str, Any]]:
    return api.call("GET", f"/api/tasks?per_page=100&top_level=true&sort=position&{query}", 200)[
        "items"
    ]


def test_concurrent_moves_lose_nothing_and_never_share_a_position(api, live_app):
    ids = [api.task(f"T{n}")["id"] for n in range(12)]

    def shuffle(mine: Api, n: int) -> None:
        rng = random.Random(n)
        for _ in range(15):
            task_id, anchor_id = rng.sample(ids, 2)
            side = rng.choice(["before_id", "after_id"])
            mine.call("POST", f"/api/tasks/{task_id}/move", 200, json={side: anchor_id})

    in_threads(api, live_app, shuffle)

    items = listing(api, "view=inbox")
    assert sorted(task["id"] for task in items) == sorted(ids)
    assert len({task["position"] for task in items}) == len(ids)


def test_concurrent_moves_between_projects_keep_every_task_once(api, live_app):
    project = api.project("Work")
    ids = [api.task(f"T{n}")["id"] for n in range(8)]

    def hop(mine: Api, n: int) -> None:
        rng = random.Random(100 + n)
        for _ in range(12):
            task_id = rng.choice(ids)
            destination = rng.choice([project["id"], None])
            mine.call("POST", f"/api/tasks/{task_id}/move", 200, json={"project_id": destination})

    in_threads(api, live_app, hop)

    inbox, work = listing(api, "view=inbox"), listing(api, f"project_id={project['id']}")
    assert sorted(task["id"] for task in inbox + work) == sorted(ids)
    for tasks in (inbox, work):
        assert len({task["position"] for task in tasks}) == len(tasks)
    counts = api.counts()
    assert (counts["inbox"], counts["projects"]) == (len(inbox), {str(project["id"]): len(work)})


def test_concurrent_creations_get_distinct_positions(api, live_app):
    def create(mine: Api, n: int) -> None:
        for k in range(5):
            mine.task(f"T{n}-{k}")

    in_threads(api, live_app, create)

    items = listing(api, "view=inbox")
    assert len(items) == THREADS * 5
    assert len({task["position"] for task in items}) == THREADS * 5


def test_a_label_used_for_the_first_time_by_parallel_requests_is_created_once(api, live_app):
    def tag(mine: Api, n: int) -> None:
        mine.task(f"T{n}", labels=["fresh", f"own{n}"])

    in_threads(api, live_app, tag)

    labels = api.call("GET", "/api/labels", 200)
    assert [
        (label["name"], label["open_count"]) for label in labels if label["name"] == "fresh"
    ] == [("fresh", THREADS)]
    assert len(labels) == THREADS + 1
