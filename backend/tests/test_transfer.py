"""Export and import: an export imported into a fresh account reads back exactly; CSV rows
are checked one by one and nothing is half-imported."""

import io
import json

import pytest


@pytest.fixture
def owner(make_user):
    return make_user(email="owner@example.com")


@pytest.fixture
def headers(auth, owner):
    return auth.headers(owner)


def post(client, headers, path, **body):
    response = client.post(path, json=body, headers=headers)
    assert response.status_code in (200, 201), response.json
    return response.json


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    from datetime import datetime

    from app.core import clock

    instant = datetime.fromisoformat("2026-03-01T12:00:00+00:00")
    monkeypatch.setattr(clock, "now", lambda: instant)


def seed(client, headers):
    """Projects, labels, a recurring task with history, subtasks, a done task, the Inbox."""
    home = post(client, headers, "/api/projects", name="Casa", color="green")
    post(client, headers, "/api/projects", name='Work, Inc; "quoted"', color="violet")
    post(client, headers, "/api/labels", name="urgente", color="red")
    rent = post(
        client, headers, "/api/tasks", title="Pay rent", project_id=home["id"], priority=1,
        due_date="2026-03-05", due_time="09:00", recurrence="FREQ=MONTHLY;BYMONTHDAY=5",
        labels=["bills", "urgente"], description="Line one\nLine two, with commas",
    )  # fmt: skip
    client.patch(f"/api/tasks/{rent['id']}", json={"done": True}, headers=headers)
    client.post(f"/api/tasks/{rent['id']}/skip", headers=headers)
    step = post(client, headers, "/api/tasks", title="Transfer", parent_id=rent["id"])
    post(client, headers, "/api/tasks", title="Sub-step", parent_id=step["id"], estimate_minutes=5)
    done = post(client, headers, "/api/tasks", title="=SUM(A1)", due_date="2026-02-01")
    client.post(f"/api/tasks/{done['id']}/toggle", headers=headers)
    post(client, headers, "/api/tasks", title="Inbox idea")


def export(client, headers, kind="json"):
    response = client.get(f"/api/export?format={kind}", headers=headers)
    assert response.status_code == 200
    assert response.is_streamed
    return response


def upload(client, headers, name, content, dry_run=False):
    data = {"file": (io.BytesIO(content.encode()), name)}
    path = "/api/import?dry_run=true" if dry_run else "/api/import"
    return client.post(path, data=data, headers=headers, content_type="multipart/form-data")


def without_stamp(document):
    return {key: value for key, value in document.items() if key != "exported_at"}


def test_json_export_imported_into_a_fresh_account_reads_back_exactly(
    client, headers, auth, make_user
):
    seed(client, headers)
    first = export(client, headers)
    assert first.headers["Content-Disposition"].startswith('attachment; filename="tarefa-')
    document = json.loads(first.get_data(as_text=True))
    assert [t["title"] for t in document["tasks"]] == ["=SUM(A1)", "Inbox idea", "Pay rent"]
    rent = document["tasks"][2]
    assert [(o["due_date"], o["outcome"]) for o in rent["occurrences"]] == [
        ("2026-03-05", "done"), ("2026-04-05", "skipped"),
    ]  # fmt: skip
    assert [s["title"] for s in rent["subtasks"]] == ["Transfer"]
    assert [s["title"] for s in rent["subtasks"][0]["subtasks"]] == ["Sub-step"]

    fresh = auth.headers(make_user(email="fresh@example.com"))
    imported = upload(client, fresh, "tarefa.json", first.get_data(as_text=True))
    assert (imported.status_code, imported.json) == (
        201,
        {
            "dry_run": False,
            "format": "json",
            "created": {"projects": 2, "labels": 2, "tasks": 5},
            "rejected": {},
        },
    )
    again = json.loads(export(client, fresh).get_data(as_text=True))
    assert without_stamp(again) == without_stamp(document)


def test_the_export_holds_the_callers_data_only(client, headers, auth, make_user):
    seed(client, headers)
    other = auth.headers(make_user())
    document = json.loads(export(client, other).get_data(as_text=True))
    assert (document["projects"], document["labels"], document["tasks"]) == ([], [], [])


def test_csv_export_has_the_import_header_and_survives_spreadsheets(client, headers):
    seed(client, headers)
    response = export(client, headers, "csv")
    assert response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "title,description,due_date,due_time,project,labels,priority,done,recurrence"
    assert lines[1] == "'=SUM(A1),,2026-02-01,,,,4,true,"
    assert lines[2] == "Inbox idea,,,,,,4,false,"


def test_csv_export_imports_back(client, headers, auth, make_user):
    seed(client, headers)
    csv_text = export(client, headers, "csv").get_data(as_text=True)
    fresh = auth.headers(make_user(email="fresh@example.com"))
    response = upload(client, fresh, "tarefa.csv", csv_text)
    assert (response.status_code, response.json["created"]) == (
        201,
        {"projects": 1, "labels": 2, "tasks": 5},
    )
    titles = {
        t["title"]: t for t in client.get("/api/tasks?per_page=100", headers=fresh).json["items"]
    }
    assert sorted(titles) == ["=SUM(A1)", "Inbox idea", "Pay rent", "Sub-step", "Transfer"]
    rent = titles["Pay rent"]
    assert (rent["due_time"], rent["labels"], rent["priority"], rent["recurrence"]) == (
        "09:00", ["bills", "urgente"], 1, "FREQ=MONTHLY;BYMONTHDAY=5",
    )  # fmt: skip
    assert titles["=SUM(A1)"]["done"] is True


CSV_WITH_ERRORS = (
    "title,due_date,due_time,project,labels,priority,done\n"
    "Comprar pão,2026-03-12,08:00,Casa,mercado,2,não\n"
    ",2026-03-12,,,,,\n"
    "Bad date,12/03/2026,25:00,,,7,talvez\n"
    '"Multi\nline",,,,,,\n'
    "Too,many,fields,here,x,1,true,extra\n"
)


def test_a_malformed_csv_row_is_reported_and_nothing_is_imported(client, headers):
    response = upload(client, headers, "tasks.csv", CSV_WITH_ERRORS)
    assert response.status_code == 422
    assert response.json["message"] == "3 rows were rejected: nothing was imported."
    assert response.json["errors"]["rows"] == {
        "3": {"title": ["Length must be between 1 and 160 (surrounding spaces not counted)."]},
        "4": {
            "due_date": ["Not a valid date."],
            "due_time": ["Not a valid time: use HH:MM, 00:00 to 23:59."],
            "priority": ["Must be greater than or equal to 1 and less than or equal to 4."],
            "done": ["Not a valid boolean."],
        },
        "7": {"_row": ["Has 8 fields; the header has 7."]},
    }
    assert client.get("/api/tasks", headers=headers).json["total"] == 0
    assert client.get("/api/projects", headers=headers).json == []


def test_a_dry_run_reports_what_would_be_created_and_saves_nothing(client, headers):
    response = upload(client, headers, "tasks.csv", CSV_WITH_ERRORS, dry_run=True)
    assert (response.status_code, response.json["created"], sorted(response.json["rejected"])) == (
        200,
        {"projects": 1, "labels": 1, "tasks": 2},
        ["3", "4", "7"],
    )
    assert client.get("/api/tasks", headers=headers).json["total"] == 0
    assert client.get("/api/labels", headers=headers).json == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "x.csv",
            "",
            "The CSV file is empty; its first line is the header: title, description, due_date, due_time, project, labels, priority, done, recurrence.",
        ),
        (
            "x.csv",
            "name,when\nA,B\n",
            "The CSV header must name each column once, title included, among: title, description, due_date, due_time, project, labels, priority, done, recurrence (unknown: name, when).",
        ),
        ("x.json", "{not json", "The file is not valid JSON (or is nested too deeply)."),
    ],
)
def test_unreadable_files_are_422_with_the_reason(client, headers, name, content, message):
    response = upload(client, headers, name, content)
    assert (response.status_code, response.json["message"]) == (422, message)


def test_an_invalid_json_export_names_the_path(client, headers):
    document = {
        "format": "tarefa-export", "version": 1, "exported_at": "2026-03-01T00:00:00+00:00",
        "projects": [], "labels": [],
        "tasks": [{"title": "", "subtasks": []}],
    }  # fmt: skip
    response = upload(client, headers, "x.json", json.dumps(document))
    assert response.status_code == 422
    rejected = response.json["errors"]["rows"]["tasks.0"]
    assert rejected["title"] == [
        "Length must be between 1 and 160 (surrounding spaces not counted)."
    ]
    assert rejected["done"] == ["Missing data for required field."]


def test_importing_into_a_used_account_appends_after_existing_rows(client, headers):
    post(client, headers, "/api/tasks", title="Already here")
    csv_text = "title\nFirst\nSecond\n"
    assert upload(client, headers, "t.csv", csv_text).status_code == 201
    items = client.get("/api/tasks?sort=position", headers=headers).json["items"]
    assert [t["title"] for t in items] == ["Already here", "First", "Second"]
    assert len({t["position"] for t in items}) == 3


def test_import_needs_a_file(client, headers):
    response = client.post(
        "/api/import", data={}, headers=headers, content_type="multipart/form-data"
    )
    assert (response.status_code, response.json["errors"]["files"]) == (
        422,
        {"file": ["Missing data for required field."]},
    )
