"""The list, the views and the sidebar counts cost a fixed number of queries, whatever the
number of tasks, labels or subtasks (PostgreSQL)."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.core.extensions import db
from tests.organise.client import Api

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


@contextmanager
def count_queries(app):
    statements = []
    with app.app_context():
        engine = db.engines[None]

    def record(_conn, _cursor, statement, *_args):
        # Leave out the token check and the savepoints of the test's own transaction.
        if "revoked_access_tokens" in statement or statement.startswith(TRANSACTION_CONTROL):
            return
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def pg_api(client, auth, make_user):
    api = Api(client, auth.headers(make_user(email="ana@example.com")))
    project = api.project("Work")
    for n in range(12):
        parent = api.task(
            f"T{n}",
            due_date="2026-12-01",
            labels=[f"l{n % 4}", "all"],
            project_id=project["id"] if n % 2 else None,
        )
        api.task(f"Step {n}", parent_id=parent["id"], done=n % 3 == 0)
    return api


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the page, with its subtask progress, label names, reminders and owner's time zone
        # as columns
        ("", 1),
        ("label=all&label=l1&priority=4&q=T", 1),
        # plus the user's today, for the view
        ("view=today", 2),
        # plus the project's ownership check
        ("project_id={project}", 2),
    ],
)
def test_the_list_costs_the_same_queries_for_any_page(app, pg_api, query, expected):
    project = pg_api.call("GET", "/api/projects", 200)[0]["id"]
    with count_queries(app) as statements:
        page = pg_api.call("GET", f"/api/tasks?per_page=100&{query.format(project=project)}", 200)
    assert page["total"] > 1
    assert len(statements) == expected


def test_counts_cost_four_queries(app, pg_api):
    with count_queries(app) as statements:
        counts = pg_api.counts()
    # the user's time zone, the views, the projects, the labels
    assert len(statements) == 4
    assert counts["today"] == 12


def test_projects_and_labels_lists_cost_two_queries(app, pg_api):
    with count_queries(app) as projects:
        pg_api.call("GET", "/api/projects", 200)
    with count_queries(app) as labels:
        assert len(pg_api.call("GET", "/api/labels", 200)) == 5
    assert (len(projects), len(labels)) == (2, 2)


def test_closing_a_task_costs_three_queries_and_a_repeating_one_reads_the_zone(
    app, client, auth, make_user
):
    api = Api(client, auth.headers(make_user(email="rui@example.com")))
    once = api.task("Once", labels=["casa"], reminders=[{"remind_at": "2026-12-24T10:00:00Z"}])
    daily = api.task("Daily", due_date="2026-12-01", recurrence="FREQ=DAILY")

    with count_queries(app) as closing:
        closed = api.call("POST", f"/api/tasks/{once['id']}/toggle", 200)
    with count_queries(app) as advancing:
        advanced = api.call("POST", f"/api/tasks/{daily['id']}/toggle", 200)

    # the task, its change, the answer (with labels and reminders as columns)
    assert [statement.split()[0] for statement in closing] == ["SELECT", "UPDATE", "WITH"]
    assert (closed["done"], closed["labels"], len(closed["reminders"])) == (True, ["casa"], 1)
    # a repeating task moves to its next date: it needs the owner's today, and its reminders
    assert sum(statement.startswith("SELECT users.") for statement in advancing) == 1
    assert (advanced["done"], advanced["due_date"] > daily["due_date"]) == (False, True)
