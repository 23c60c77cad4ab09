"""The calendar feed address: create, copy, regenerate, turn off; the feed parsed back."""

from datetime import date, time

import pytest
from icalendar import Calendar

from tests.support.accounts import bearer


@pytest.fixture
def owner(make_user):
    return make_user(email="owner@example.com", name="Ana")


@pytest.fixture
def headers(auth, owner):
    return auth.headers(owner)


def feed_path(url):
    return url.removeprefix("http://localhost")


def test_no_feed_until_one_is_created(client, headers):
    response = client.get("/api/calendar/feed", headers=headers)
    assert (response.status_code, response.json["message"]) == (
        404,
        "No calendar feed yet: create one first.",
    )


def test_create_copy_and_regenerate_kills_the_old_address(client, headers):
    created = client.post("/api/calendar/feed", headers=headers)
    assert created.status_code == 201
    token = created.json["token"]
    assert created.json["url"] == f"http://localhost/api/calendar/{token}.ics"
    assert len(token) == 43
    assert client.get("/api/calendar/feed", headers=headers).json == created.json
    assert client.get(f"/api/calendar/{token}.ics").status_code == 200

    regenerated = client.post("/api/calendar/feed", headers=headers).json
    assert regenerated["token"] != token
    old = client.get(f"/api/calendar/{token}.ics")
    assert (old.status_code, old.json["message"]) == (404, "No such calendar feed.")
    assert client.get(feed_path(regenerated["url"])).status_code == 200


def test_turning_the_feed_off(client, headers):
    token = client.post("/api/calendar/feed", headers=headers).json["token"]
    assert client.delete("/api/calendar/feed", headers=headers).status_code == 204
    assert client.get(f"/api/calendar/{token}.ics").status_code == 404
    assert client.delete("/api/calendar/feed", headers=headers).status_code == 404


def test_the_token_opens_the_feed_only(client, headers):
    token = client.post("/api/calendar/feed", headers=headers).json["token"]
    response = client.get("/api/auth/me", headers=bearer(token))
    assert response.status_code in (401, 422)
    assert client.get("/api/calendar/feed").status_code == 401


def test_the_feed_lists_open_dated_tasks_of_its_owner_only(
    client, headers, owner, make_user, make_task
):
    make_task(
        owner, title="Pay rent", due_date=date(2026, 3, 5), recurrence="FREQ=MONTHLY;BYMONTHDAY=5"
    )
    make_task(owner, title="Dentist", due_date=date(2026, 3, 8), due_time=time(9, 30))
    make_task(owner, title="Done already", due_date=date(2026, 3, 1), done=True)
    make_task(owner, title="Someday")
    make_task(make_user(), title="Not mine", due_date=date(2026, 3, 2))
    token = client.post("/api/calendar/feed", headers=headers).json["token"]

    response = client.get(f"/api/calendar/{token}.ics")

    assert (response.status_code, response.mimetype) == (200, "text/calendar")
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["x-wr-calname"]) == "Tarefa — Ana"
    events = [
        (str(e["summary"]), e.decoded("dtstart"), e.get("rrule") and e["rrule"].to_ical().decode())
        for e in calendar.walk("VEVENT")
    ]
    assert [(title, start.isoformat(), rule) for title, start, rule in events] == [
        ("Pay rent", "2026-03-05", "FREQ=MONTHLY;BYMONTHDAY=5"),
        ("Dentist", "2026-03-08T09:30:00+00:00", None),
    ]


@pytest.mark.parametrize("path", ["/api/calendar/short.ics", "/api/calendar/" + "x" * 43 + ".ics"])
def test_unknown_addresses_are_json_404s(client, path):
    response = client.get(path)
    assert (response.status_code, response.mimetype) == (404, "application/json")
