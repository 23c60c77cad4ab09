"""Views in the user's time zone, with the clock pinned around midnight."""

from datetime import UTC, datetime

from app.core import clock


def pin_clock(monkeypatch, iso: str) -> None:
    moment = datetime.fromisoformat(iso).astimezone(UTC)
    monkeypatch.setattr(clock, "now", lambda: moment)


def test_timezone_is_validated_and_editable(api):
    assert api.call("GET", "/api/auth/me", 200)["timezone"] == "UTC"
    me = api.call("PATCH", "/api/auth/me", 200, json={"timezone": "America/Sao_Paulo"})
    assert me["timezone"] == "America/Sao_Paulo"
    bad = api.call("PATCH", "/api/auth/me", 422, json={"timezone": "Mars/Olympus"})
    assert bad["errors"] == {
        "json": {"timezone": ["Not a known IANA time zone (for example America/Sao_Paulo)."]}
    }
    assert api.call("GET", "/api/auth/me", 200)["timezone"] == "America/Sao_Paulo"


def test_the_browser_time_zone_can_be_sent_at_registration(organise_client):
    account = {"name": "Rui", "email": "rui@example.com", "password": "password123"}
    refused = organise_client.post("/api/auth/register", json={**account, "timezone": "GMT+3"})
    assert refused.status_code == 422
    assert list(refused.json["errors"]["json"]) == ["timezone"]
    created = organise_client.post(
        "/api/auth/register", json={**account, "timezone": "America/Sao_Paulo"}
    )
    assert (created.status_code, created.json["timezone"]) == (201, "America/Sao_Paulo")


def test_views_follow_the_day_in_sao_paulo(api, monkeypatch):
    api.call("PATCH", "/api/auth/me", 200, json={"timezone": "America/Sao_Paulo"})
    api.task("Yesterday", due_date="2026-12-01")
    api.task("Today", due_date="2026-12-02")
    api.task("Tomorrow", due_date="2026-12-03")
    api.task("In a week", due_date="2026-12-09")
    api.task("In eight days", due_date="2026-12-10")
    api.task("Done today", due_date="2026-12-02", done=True)
    api.task("No date")

    # 23:59 on 2 December in São Paulo is already 02:59 on the 3rd in UTC.
    pin_clock(monkeypatch, "2026-12-02T23:59:00-03:00")
    assert api.titles("view=today&sort=due_date") == ["Yesterday", "Today"]
    assert api.titles("view=overdue") == ["Yesterday"]
    assert api.titles("view=upcoming&sort=due_date") == ["Tomorrow", "In a week"]

    # One minute later it is the 3rd in São Paulo.
    pin_clock(monkeypatch, "2026-12-03T00:00:00-03:00")
    assert api.titles("view=today&sort=due_date") == ["Yesterday", "Today", "Tomorrow"]
    assert api.titles("view=overdue&sort=due_date") == ["Yesterday", "Today"]
    assert api.titles("view=upcoming&sort=due_date") == ["In a week", "In eight days"]


def test_views_follow_the_day_in_tokyo(api, monkeypatch):
    api.call("PATCH", "/api/auth/me", 200, json={"timezone": "Asia/Tokyo"})
    api.task("Due the 2nd", due_date="2026-12-02")
    api.task("Due the 3rd", due_date="2026-12-03")

    # 14:59 UTC on the 2nd is 23:59 in Tokyo: still the 2nd there.
    pin_clock(monkeypatch, "2026-12-02T14:59:00+00:00")
    assert api.titles("view=today") == ["Due the 2nd"]
    assert api.titles("view=upcoming") == ["Due the 3rd"]
    # 15:00 UTC is midnight in Tokyo: the 3rd has begun, while UTC is still on the 2nd.
    pin_clock(monkeypatch, "2026-12-02T15:00:00+00:00")
    assert api.titles("view=today&sort=due_date") == ["Due the 2nd", "Due the 3rd"]
    assert api.titles("view=overdue") == ["Due the 2nd"]
    assert api.titles("view=upcoming") == []


def test_inbox_and_done_views(api):
    project = api.project("Work")
    api.task("Loose")
    api.task("Loose and done", done=True)
    api.task("Filed", project_id=project["id"])

    assert api.titles("view=inbox") == ["Loose"]
    assert api.titles("view=done") == ["Loose and done"]
    assert api.titles(f"project_id={project['id']}") == ["Filed"]


def test_counts_equal_the_views(api, monkeypatch):
    api.call("PATCH", "/api/auth/me", 200, json={"timezone": "Asia/Tokyo"})
    pin_clock(monkeypatch, "2026-12-02T15:30:00+00:00")  # the 3rd in Tokyo
    work = api.project("Work")
    empty = api.project("Empty")
    api.task("Overdue", due_date="2026-12-01", labels=["call"])
    api.task("Today", due_date="2026-12-03", project_id=work["id"], labels=["call", "deep"])
    api.task("Upcoming", due_date="2026-12-05", project_id=work["id"])
    api.task("Done", due_date="2026-12-03", project_id=work["id"], done=True, labels=["deep"])
    api.task("Inbox, no date")

    counts = api.counts()

    assert counts == {
        "inbox": 2,
        "today": 2,
        "overdue": 1,
        "upcoming": 1,
        "projects": {str(work["id"]): 2, str(empty["id"]): 0},
        "labels": {"call": 2, "deep": 1},
    }
    for view in ("inbox", "today", "overdue", "upcoming"):
        assert counts[view] == api.total(f"view={view}")
    assert counts["projects"][str(work["id"])] == api.total(f"project_id={work['id']}&done=false")
    for name, count in counts["labels"].items():
        assert count == api.total(f"label={name}&done=false")
