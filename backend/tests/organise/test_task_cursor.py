"""Keyset pagination of the task list: the cursor contract, and the capped total."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from app.repositories import tasks as task_repository
from app.schemas.tasks import SORT_CHOICES
from tests.organise.client import Api


@pytest.fixture
def seeded(api: Api) -> Api:
    """Tasks with ties on every sort column, missing dates and completion times."""
    work = api.project("Work")
    rows: list[dict[str, Any]] = [
        {"title": "Same", "priority": 1, "due_date": "2026-12-03"},
        {"title": "Same", "priority": 1, "due_date": None},
        {"title": "Same", "priority": 2, "due_date": "2026-12-03", "project_id": work["id"]},
        {"title": "Alpha", "priority": 4, "due_date": None, "project_id": work["id"]},
        {"title": "Beta", "priority": 1, "due_date": "2026-12-01", "project_id": work["id"]},
        {"title": "Gamma", "priority": 2, "due_date": None},
        {"title": "Delta", "priority": 4, "due_date": "2026-12-01"},
        {"title": "Epsilon", "priority": 1, "due_date": "2026-12-09"},
    ]
    for row in rows:
        api.task(**row)
    for task in api.call("GET", "/api/tasks?per_page=100&sort=title", 200)["items"][::3]:
        api.call("POST", f"/api/tasks/{task['id']}/toggle", 200)
    return api


def cursor_of(value: str) -> str:
    return f"cursor={quote(value, safe='')}"


def walk(api: Api, query: str, per_page: int = 2, start: str | None = None) -> list[dict[str, Any]]:
    """Every page of a list (after ``start``), following next_cursor; each page checked."""
    items: list[dict[str, Any]] = []
    url = f"/api/tasks?per_page={per_page}&{query}"
    page = api.call("GET", f"{url}&{cursor_of(start)}" if start else url, 200)
    for _ in range(20):
        items.extend(page["items"])
        assert len(page["items"]) == (per_page if page["next_cursor"] else len(page["items"]))
        if page["next_cursor"] is None:
            return items
        page = api.call("GET", f"{url}&{cursor_of(page['next_cursor'])}", 200)
    raise AssertionError("the walk never reached the last page")


@pytest.mark.parametrize("sort", SORT_CHOICES)
def test_cursor_walks_every_task_once_in_the_list_order(seeded, sort):
    whole = seeded.call("GET", f"/api/tasks?per_page=100&sort={sort}", 200)
    walked = walk(seeded, f"sort={sort}")

    assert [task["id"] for task in walked] == [task["id"] for task in whole["items"]]
    assert len(walked) == whole["total"] == 8


@pytest.mark.parametrize("sort", ["-created_at", "title", "due_date", "-priority"])
def test_cursor_walk_with_a_filter(seeded, sort):
    query = f"sort={sort}&done=false"
    whole = seeded.call("GET", f"/api/tasks?per_page=100&{query}", 200)["items"]

    assert [task["id"] for task in walk(seeded, query, per_page=1)] == [t["id"] for t in whole]
    assert len(whole) == 5


def test_tasks_added_or_removed_meanwhile_neither_repeat_nor_skip_others(seeded):
    first = seeded.call("GET", "/api/tasks?per_page=3&sort=title", 200)
    seen = [task["title"] for task in first["items"]]
    assert seen == ["Alpha", "Beta", "Delta"]
    seeded.call("DELETE", f"/api/tasks/{first['items'][0]['id']}", 204)
    seeded.task("Aardvark")  # sorts before the cursor: not shown on later pages
    seeded.task("Zeta")

    rest = walk(seeded, "sort=title", per_page=3, start=first["next_cursor"])

    assert [task["title"] for task in rest] == ["Epsilon", "Gamma", "Same", "Same", "Same", "Zeta"]


def test_offset_pages_hand_out_a_cursor_too(seeded):
    second = seeded.call("GET", "/api/tasks?per_page=3&page=2&sort=title", 200)
    third = seeded.call(
        "GET", f"/api/tasks?per_page=3&sort=title&{cursor_of(second['next_cursor'])}", 200
    )
    by_offset = seeded.call("GET", "/api/tasks?per_page=3&page=3&sort=title", 200)

    assert third["items"] == by_offset["items"]
    assert third["next_cursor"] is None


def test_a_cursor_is_only_good_for_its_owner_and_sort(seeded, other):
    cursor = seeded.call("GET", "/api/tasks?per_page=2&sort=title", 200)["next_cursor"]
    other.task("Bruno's")

    for api, sort in ((other, "title"), (seeded, "-title"), (seeded, "priority")):
        refused = api.call("GET", f"/api/tasks?sort={sort}&{cursor_of(cursor)}", 400)
        message = "This cursor belongs to another list or sort order."
        assert refused == {
            "code": 400,
            "status": "Bad Request",
            "message": message,
            "errors": {"query": {"cursor": [message]}},
        }


def test_a_cursor_cannot_be_read_or_forged(seeded):
    cursor = seeded.call("GET", "/api/tasks?per_page=2&sort=title", 200)["next_cursor"]
    assert "Beta" not in cursor and "QmV0YQ" not in cursor  # not even as base64
    altered = cursor[:-6] + ("A" if cursor[-6] != "A" else "B") + cursor[-5:]
    message = "Invalid cursor: pass back a next_cursor unchanged."

    for bad in (altered, "not-a-cursor", cursor[:40], "é" * 10, "\x00"):
        refused = seeded.call("GET", f"/api/tasks?sort=title&{cursor_of(bad)}", 400)
        assert (refused["message"], refused["errors"]) == (
            message,
            {"query": {"cursor": [message]}},
        )
    too_long = seeded.call("GET", f"/api/tasks?{cursor_of('x' * 1001)}", 422)
    assert list(too_long["errors"]["query"]) == ["cursor"]


def test_the_total_is_counted_up_to_a_cap(seeded, monkeypatch):
    monkeypatch.setattr(task_repository, "TOTAL_CAP", 5)

    first = seeded.call("GET", "/api/tasks?per_page=2", 200)
    deep = seeded.call("GET", "/api/tasks?per_page=2&page=3", 200)
    middle = seeded.call("GET", "/api/tasks?per_page=1&page=5", 200)
    last = seeded.call("GET", "/api/tasks?per_page=2&page=4", 200)
    filtered = seeded.call("GET", "/api/tasks?per_page=2&done=true", 200)
    scrolled = seeded.call("GET", f"/api/tasks?per_page=2&{cursor_of(first['next_cursor'])}", 200)
    after_cursor = f"/api/tasks?per_page=2&page=4&{cursor_of(first['next_cursor'])}"
    scrolled_with_a_page = seeded.call("GET", after_cursor, 200)  # page is ignored

    assert (first["total"], first["total_exact"], first["pages"]) == (5, False, 3)
    assert (deep["total"], deep["total_exact"]) == (8, True)  # counted a page further
    assert (middle["total"], middle["total_exact"], middle["pages"]) == (6, False, 6)
    assert (last["total"], last["total_exact"], last["pages"]) == (8, True, 4)
    assert (filtered["total"], filtered["total_exact"]) == (3, True)
    assert (scrolled["total"], scrolled["total_exact"]) == (5, False)  # the whole list's
    fields = ("items", "total", "total_exact", "next_cursor")
    assert [scrolled_with_a_page[f] for f in fields] == [scrolled[f] for f in fields]
    assert len(walk(seeded, "")) == 8


@pytest.mark.parametrize("sort", ["-created_at", "title", "-due_date", "priority"])
def test_a_search_counts_in_the_same_pass_with_the_same_answers(seeded, monkeypatch, sort):
    monkeypatch.setattr(task_repository, "TOTAL_CAP", 3)
    query = f"sort={sort}&q=a"  # Same, Alpha, Beta, Gamma, Delta: 7 of the 8
    everything = seeded.call("GET", f"/api/tasks?per_page=100&{query}", 200)
    first = seeded.call("GET", f"/api/tasks?per_page=2&{query}", 200)
    second = seeded.call("GET", f"/api/tasks?per_page=2&page=2&{query}", 200)

    assert (everything["total"], everything["total_exact"]) == (7, True)
    assert (first["total"], first["total_exact"], second["total"]) == (4, False, 6)
    assert first["items"] + second["items"] == everything["items"][:4]
    walked = walk(seeded, query)
    assert [task["id"] for task in walked] == [task["id"] for task in everything["items"]]
