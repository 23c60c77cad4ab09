from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event

from app.core.extensions import db

TITLE_LENGTH = "Length must be between 1 and 160 (surrounding spaces not counted)."


@pytest.fixture
def owner(make_user):
    return make_user(email="owner@example.com")


@pytest.fixture
def headers(auth, owner):
    return auth.headers(owner)


def create(client, headers, **fields):
    response = client.post("/api/tasks", json={"title": "A task", **fields}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def test_create_task_returns_the_full_task(client, headers, owner):
    response = client.post(
        "/api/tasks",
        json={"title": "  Pay rent ", "description": "Before the 5th", "due_date": "2026-12-01"},
        headers=headers,
    )

    assert response.status_code == 201
    task = response.json
    assert task == {
        "id": task["id"],
        "title": "Pay rent",
        "description": "Before the 5th",
        "done": False,
        "due_date": "2026-12-01",
        "due_time": None,
        "due_at": None,
        "recurrence": None,
        "recurrence_text": None,
        "reminders": [],
        "estimate_minutes": None,
        "parent_id": None,
        "project_id": None,
        "priority": 4,
        "labels": [],
        "position": task["position"],
        "completed_at": None,
        "subtask_count": 0,
        "subtasks_done": 0,
        "user_id": owner.id,
        "created_at": task["created_at"],
        "updated_at": task["updated_at"],
    }
    assert task["created_at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"title": ""}, {"title": [TITLE_LENGTH]}),
        ({"title": "   "}, {"title": [TITLE_LENGTH]}),
        ({"title": " \t\n "}, {"title": [TITLE_LENGTH]}),
        ({"title": "x" * 161}, {"title": [TITLE_LENGTH]}),
        ({"title": "ok", "done": 0}, {"done": ["Not a valid boolean."]}),
        (
            {"title": "ok", "parent_id": 2**31},
            {
                "parent_id": [
                    "Must be greater than or equal to 1 and less than or equal to 2147483647."
                ]
            },
        ),
        ({}, {"title": ["Missing data for required field."]}),
        (
            {"title": "ok", "description": "d" * 2001},
            {
                "description": [
                    "Length must be between 0 and 2000 (surrounding spaces not counted)."
                ]
            },
        ),
        ({"title": "ok", "due_date": "31/12/2026"}, {"due_date": ["Not a valid date."]}),
        ({"title": "ok", "done": "maybe"}, {"done": ["Not a valid boolean."]}),
        ({"title": "ok", "owner": 2}, {"owner": ["Unknown field."]}),
        ({"title": "ok", "user_id": 2}, {"user_id": ["Unknown field."]}),
        (
            {"title": "bad \ud800 surrogate"},
            {"title": ["Contains characters that cannot be stored (NUL or lone surrogates)."]},
        ),
        (
            {"title": "ok", "estimate_minutes": 0},
            {
                "estimate_minutes": [
                    "Must be greater than or equal to 1 and less than or equal to 100000."
                ]
            },
        ),
    ],
)
def test_create_task_validation(client, headers, body, errors):
    response = client.post("/api/tasks", json=body, headers=headers)

    assert response.status_code == 422
    assert response.json["errors"] == {"json": errors}
    assert client.get("/api/tasks", headers=headers).json["total"] == 0


def test_title_of_exactly_160_characters_after_stripping_is_accepted(client, headers):
    task = create(client, headers, title=f"  {'t' * 160}  ")

    assert task["title"] == "t" * 160


def test_get_returns_the_task_as_created(client, headers):
    task = create(client, headers, title="Write report")

    assert client.get(f"/api/tasks/{task['id']}", headers=headers).json == task


def test_patch_changes_the_given_fields(client, headers):
    task = create(client, headers, title="Write report", description="Quarterly")

    patched = client.patch(
        f"/api/tasks/{task['id']}",
        json={"title": "Write the report", "description": None, "due_date": "2026-12-24"},
        headers=headers,
    )

    assert patched.status_code == 200
    assert patched.json == {
        **task,
        "title": "Write the report",
        "description": None,
        "due_date": "2026-12-24",
        "updated_at": patched.json["updated_at"],
    }
    assert patched.json["updated_at"] >= task["updated_at"]


def test_toggle_closes_then_reopens(client, headers):
    task = create(client, headers)

    closed = client.post(f"/api/tasks/{task['id']}/toggle", headers=headers)
    reopened = client.post(f"/api/tasks/{task['id']}/toggle", headers=headers)

    assert (closed.status_code, closed.json["done"]) == (200, True)
    assert (reopened.status_code, reopened.json["done"]) == (200, False)


def test_delete_answers_204_and_the_task_is_gone(client, headers):
    task = create(client, headers)

    deleted = client.delete(f"/api/tasks/{task['id']}", headers=headers)

    assert (deleted.status_code, deleted.data) == (204, b"")
    assert client.get(f"/api/tasks/{task['id']}", headers=headers).status_code == 404


def test_empty_patch_changes_nothing(client, headers):
    task = create(client, headers)

    response = client.patch(f"/api/tasks/{task['id']}", json={}, headers=headers)

    assert response.status_code == 200
    assert response.json == task


def test_ids_beyond_the_database_range_are_404(client, headers):
    assert client.get(f"/api/tasks/{2**31}", headers=headers).status_code == 404
    assert client.get("/api/tasks/99999999999999999999", headers=headers).json["code"] == 404


def test_another_users_task_does_not_exist_for_you(client, headers, auth, make_user):
    task = create(client, headers, title="Mine")
    intruder = auth.headers(make_user(email="intruder@example.com"))
    url = f"/api/tasks/{task['id']}"

    answers = [
        client.get(url, headers=intruder),
        client.patch(url, json={"title": "Hacked"}, headers=intruder),
        client.post(f"{url}/toggle", headers=intruder),
        client.delete(url, headers=intruder),
        client.post("/api/tasks", json={"title": "sub", "parent_id": task["id"]}, headers=intruder),
    ]

    assert [a.status_code for a in answers] == [404, 404, 404, 404, 404]
    assert answers[0].json == {"code": 404, "status": "Not Found", "message": "Task not found."}
    assert client.get("/api/tasks", headers=intruder).json["total"] == 0
    assert client.get(url, headers=headers).json == task


def test_tasks_need_a_token(client):
    assert client.get("/api/tasks").status_code == 401
    assert client.post("/api/tasks", json={"title": "x"}).status_code == 401


@pytest.fixture
def listed(client, headers):
    """Five tasks with distinct titles, due dates and states, created oldest first."""
    specs = [
        ("Buy milk", "2026-12-03", False, "from the corner shop"),
        ("Call mom", None, True, None),
        ("Answer emails", "2026-12-01", False, "Inbox zero"),
        ("Draft MILK budget", "2026-12-02", True, None),
        ("Exercise", None, False, "30 minutes"),
    ]
    ids = {}
    for title, due, done, description in specs:
        ids[title] = create(
            client, headers, title=title, due_date=due, done=done, description=description
        )["id"]
    return ids


def titles(response):
    return [item["title"] for item in response.json["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Exercise", "Draft MILK budget", "Answer emails", "Call mom", "Buy milk"]),
        (
            "?sort=created_at",
            ["Buy milk", "Call mom", "Answer emails", "Draft MILK budget", "Exercise"],
        ),
        ("?sort=title", ["Answer emails", "Buy milk", "Call mom", "Draft MILK budget", "Exercise"]),
        (
            "?sort=-title",
            ["Exercise", "Draft MILK budget", "Call mom", "Buy milk", "Answer emails"],
        ),
        (
            "?sort=due_date",
            ["Answer emails", "Draft MILK budget", "Buy milk", "Call mom", "Exercise"],
        ),
        (
            "?sort=-due_date",
            ["Buy milk", "Draft MILK budget", "Answer emails", "Exercise", "Call mom"],
        ),
        ("?done=true&sort=title", ["Call mom", "Draft MILK budget"]),
        ("?done=false&sort=title", ["Answer emails", "Buy milk", "Exercise"]),
        ("?q=milk&sort=title", ["Buy milk", "Draft MILK budget"]),
        ("?q=INBOX", ["Answer emails"]),
        ("?q=milk&done=false", ["Buy milk"]),
        ("?q=%25", []),
        ("?q=_", []),
    ],
)
def test_list_filters_sorts_and_searches(client, headers, listed, query, expected):
    response = client.get(f"/api/tasks{query}", headers=headers)

    assert response.status_code == 200
    assert titles(response) == expected
    assert response.json["total"] == len(expected)


def test_pagination(client, headers, listed):
    first = client.get("/api/tasks?per_page=2&sort=title", headers=headers).json
    last = client.get("/api/tasks?per_page=2&page=3&sort=title", headers=headers).json
    beyond = client.get("/api/tasks?per_page=2&page=9&sort=title", headers=headers).json

    assert (first["total"], first["page"], first["per_page"], first["pages"]) == (5, 1, 2, 3)
    assert [t["title"] for t in first["items"]] == ["Answer emails", "Buy milk"]
    assert [t["title"] for t in last["items"]] == ["Exercise"]
    assert beyond == {
        "items": [],
        "total": 5,
        "page": 9,
        "per_page": 2,
        "pages": 3,
        "total_exact": True,
        "next_cursor": None,
    }


def test_empty_list(client, headers):
    assert client.get("/api/tasks", headers=headers).json == {
        "items": [],
        "total": 0,
        "page": 1,
        "per_page": 20,
        "pages": 0,
        "total_exact": True,
        "next_cursor": None,
    }


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("per_page=101", "per_page"),
        ("per_page=0", "per_page"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("sort=owner", "sort"),
        ("done=perhaps", "done"),
    ],
)
def test_list_rejects_bad_parameters(client, headers, query, field):
    response = client.get(f"/api/tasks?{query}", headers=headers)

    assert response.status_code == 422
    assert list(response.json["errors"]["query"]) == [field]


@contextmanager
def count_queries(app):
    statements = []
    with app.app_context():
        engine = db.engines[None].engine

    def record(conn, cursor, statement, *args):
        if not statement.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_list_and_a_task_cost_one_query_each_whatever_the_page_size(
    app, client, headers, listed
):
    parent = listed["Buy milk"]
    for n in range(3):
        create(client, headers, title=f"Step {n}", parent_id=parent, done=n == 0)
    client.patch(f"/api/tasks/{parent}", json={"labels": ["b", "a"]}, headers=headers)

    with count_queries(app) as listing:
        response = client.get("/api/tasks?per_page=100", headers=headers)
    with count_queries(app) as getting:
        got = client.get(f"/api/tasks/{parent}", headers=headers).json

    # The token check reads the revocation table once. The page is one more query, however
    # many rows: subtask progress, label names and reminders are columns of it, never a query
    # per row. One task is read the same way.
    assert len(response.json["items"]) == 8
    items = {item["id"]: item for item in response.json["items"]}
    assert (items[parent]["subtask_count"], items[parent]["subtasks_done"]) == (3, 1)
    assert (items[parent]["labels"], items[listed["Exercise"]]["labels"]) == (["a", "b"], [])
    assert (
        items[listed["Exercise"]]["subtask_count"],
        items[listed["Exercise"]]["subtasks_done"],
    ) == (0, 0)
    [page] = [s for s in listing if "revoked_access_tokens" not in s]
    assert (got["subtask_count"], got["subtasks_done"]) == (3, 1)
    [task] = [s for s in getting if "revoked_access_tokens" not in s]
    # Subtask progress is one grouped query over the page's tasks, not a subquery per row.
    for statement in (page, task):
        assert statement.count("GROUP BY subtask.parent_id") == 1
        assert "WHERE subtask.parent_id =" not in statement


def test_the_reminders_of_a_page_cost_no_query_of_their_own(app, client, headers, listed):
    reminded = {
        "reminders": [
            {"remind_at": "2026-12-20T09:00:00.250Z"},
            {"remind_at": "2026-12-19T09:00:00Z"},
            {"before_minutes": 45},
        ],
        "due_date": "2026-12-21",
        "due_time": "10:00",
    }
    client.patch(f"/api/tasks/{listed['Exercise']}", json=reminded, headers=headers)

    with count_queries(app) as listing:
        items = client.get("/api/tasks?per_page=100", headers=headers).json["items"]

    by_title = {item["title"]: item for item in items}
    exercise = by_title.pop("Exercise")
    assert exercise == client.get(f"/api/tasks/{listed['Exercise']}", headers=headers).json
    assert [(r["remind_at"], r["before_minutes"]) for r in exercise["reminders"]] == [
        ("2026-12-20T09:00:00.250000+00:00", None),
        ("2026-12-19T09:00:00+00:00", None),
        (None, 45),
    ]
    assert exercise["reminders"][2]["fire_at"] == "2026-12-21T09:15:00+00:00"
    assert all(item["reminders"] == [] for item in by_title.values())
    assert len([s for s in listing if "revoked_access_tokens" not in s]) == 1


def test_subtasks_counts_filter_and_cascade(client, headers, listed):
    parent = listed["Buy milk"]
    first = create(client, headers, title="Find the shop", parent_id=parent)
    create(client, headers, title="Pay", parent_id=parent, done=True)

    listed_parent = client.get(f"/api/tasks/{parent}", headers=headers).json
    assert (listed_parent["subtask_count"], listed_parent["subtasks_done"]) == (2, 1)
    assert titles(client.get(f"/api/tasks?parent_id={parent}&sort=title", headers=headers)) == [
        "Find the shop",
        "Pay",
    ]
    top = client.get("/api/tasks?top_level=true", headers=headers).json
    assert top["total"] == 5

    client.delete(f"/api/tasks/{parent}", headers=headers)

    assert client.get(f"/api/tasks/{first['id']}", headers=headers).status_code == 404
    assert client.get("/api/tasks", headers=headers).json["total"] == 4


def test_due_dates_round_trip(client, headers):
    task = create(client, headers, due_date=date(2027, 2, 28).isoformat())

    assert client.get(f"/api/tasks/{task['id']}", headers=headers).json["due_date"] == "2027-02-28"


@contextmanager
def count_transactions(app):
    """The transactions the app's session begins on the database (each is a SAVEPOINT of
    the test's own transaction here; a nested SAVEPOINT inside one is not counted)."""
    begun = []

    def record(session, transaction, connection):
        if not transaction.nested:
            begun.append(transaction)

    event.listen(db.session, "after_begin", record)
    try:
        yield begun
    finally:
        event.remove(db.session, "after_begin", record)


def test_writes_answer_from_the_transaction_that_made_them(app, client, headers, listed):
    task = listed["Buy milk"]
    create(client, headers, title="Step", parent_id=task, done=True)
    # A due time makes the answer read the owner's zone, which must not open a second one.
    client.patch(f"/api/tasks/{task}", json={"due_time": "09:30"}, headers=headers)

    with count_transactions(app) as toggling:
        toggled = client.post(f"/api/tasks/{task}/toggle", headers=headers).json
    with count_transactions(app) as updating:
        updated = client.patch(
            f"/api/tasks/{task}",
            json={"labels": ["casa"], "title": "Buy oat milk"},
            headers=headers,
        ).json
    with count_transactions(app) as creating:
        created = create(
            client,
            headers,
            title="New",
            labels=["casa"],
            parent_id=task,
            due_date="2026-12-05",
            due_time="18:00",
        )

    # One transaction each, yet the answer shows what was committed: the new state, the
    # labels written through the link table, the subtask progress counted after the insert.
    assert (len(toggling), len(updating), len(creating)) == (1, 1, 1)
    assert (toggled["done"], toggled["subtask_count"], toggled["subtasks_done"]) == (True, 1, 1)
    assert (updated["title"], updated["labels"], updated["done"]) == (
        "Buy oat milk",
        ["casa"],
        True,
    )
    assert (created["labels"], created["parent_id"]) == (["casa"], task)
    assert (toggled["due_at"], created["due_at"]) == (
        "2026-12-03T09:30:00+00:00",
        "2026-12-05T18:00:00+00:00",
    )
    parent = client.get(f"/api/tasks/{task}", headers=headers).json
    assert (parent["subtask_count"], parent["subtasks_done"]) == (2, 1)
