import pytest


def test_create_and_list_projects_in_order(api):
    work = api.project("Work", color="teal")
    home = api.project("  Casa  ")

    assert work == {
        "id": work["id"],
        "name": "Work",
        "color": "teal",
        "position": work["position"],
        "archived": False,
        "created_at": work["created_at"],
        "open_count": 0,
        "done_count": 0,
    }
    assert (home["name"], home["color"]) == ("Casa", "blue")
    assert home["position"] > work["position"]
    assert [p["name"] for p in api.call("GET", "/api/projects", 200)] == ["Work", "Casa"]


def test_names_are_unique_per_user_whatever_the_case(api, other):
    api.project("Work")

    conflict = api.call("POST", "/api/projects", 409, json={"name": "WORK"})
    assert conflict["errors"] == {"json": {"name": ["You already have a project with this name."]}}
    # Another user may use the same name.
    assert other.project("work")["name"] == "work"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 81}, "name"),
        ({"name": "ok", "color": "chartreuse"}, "color"),
        ({"name": "ok", "archived": "yes"}, "archived"),
        ({}, "name"),
    ],
)
def test_project_validation(api, body, field):
    answer = api.call("POST", "/api/projects", 422, json=body)
    assert list(answer["errors"]["json"]) == [field]


def test_counts_rename_archive_and_unarchive(api):
    project = api.project("Trip")
    api.task("Book flights", project_id=project["id"])
    api.task("Pack", project_id=project["id"], done=True)

    assert api.call("GET", f"/api/projects/{project['id']}", 200)["open_count"] == 1
    renamed = api.call(
        "PATCH", f"/api/projects/{project['id']}", 200, json={"name": "Lisbon", "color": "red"}
    )
    assert (renamed["name"], renamed["color"], renamed["open_count"], renamed["done_count"]) == (
        "Lisbon",
        "red",
        1,
        1,
    )
    api.call("PATCH", f"/api/projects/{project['id']}", 200, json={"archived": True})
    assert api.call("GET", "/api/projects", 200) == []
    assert [p["name"] for p in api.call("GET", "/api/projects?archived=true", 200)] == ["Lisbon"]
    api.call("PATCH", f"/api/projects/{project['id']}", 200, json={"archived": False})
    assert [p["name"] for p in api.call("GET", "/api/projects", 200)] == ["Lisbon"]


def test_renaming_onto_another_project_name_is_a_conflict(api):
    api.project("Work")
    home = api.project("Home")

    api.call("PATCH", f"/api/projects/{home['id']}", 409, json={"name": "work"})
    # Changing only the case of its own name is fine.
    assert (
        api.call("PATCH", f"/api/projects/{home['id']}", 200, json={"name": "HOME"})["name"]
        == "HOME"
    )


def test_another_users_project_does_not_exist_for_you(api, other):
    project = api.project("Private")
    api.task("Secret", project_id=project["id"])
    url = f"/api/projects/{project['id']}"

    assert other.call("GET", url, 404)["message"] == "Project not found."
    other.call("PATCH", url, 404, json={"name": "Mine"})
    other.call("DELETE", url, 404)
    other.call("POST", f"{url}/move", 404, json={"before_id": project["id"]})
    other.call("GET", f"/api/tasks?project_id={project['id']}", 404)
    refused = other.call(
        "POST", "/api/tasks", 404, json={"title": "x", "project_id": project["id"]}
    )
    assert refused["errors"] == {"json": {"project_id": ["Project not found."]}}
    mine = other.task("Mine")
    other.call("PATCH", f"/api/tasks/{mine['id']}", 404, json={"project_id": project["id"]})
    other.call("POST", f"/api/tasks/{mine['id']}/move", 404, json={"project_id": project["id"]})
    other.call(
        "POST",
        "/api/tasks/bulk",
        404,
        json={"ids": [mine["id"]], "action": "move", "project_id": project["id"]},
    )
    assert other.call("GET", f"/api/tasks/{mine['id']}", 200)["project_id"] is None
    assert other.call("GET", "/api/projects", 200) == []
    assert api.call("GET", url, 200)["open_count"] == 1


def test_deleting_a_project_moves_its_tasks_to_the_end_of_the_inbox(api):
    api.task("Already in the inbox")
    project = api.project("Move")
    first = api.task("First", project_id=project["id"])
    second = api.task("Second", project_id=project["id"])
    api.call("POST", f"/api/tasks/{second['id']}/move", 200, json={"before_id": first["id"]})
    sub = api.task("Sub", parent_id=first["id"])
    assert sub["project_id"] == project["id"]

    api.call("DELETE", f"/api/projects/{project['id']}", 204)

    assert api.titles("view=inbox&top_level=true&sort=position") == [
        "Already in the inbox",
        "Second",
        "First",
    ]
    assert api.call("GET", f"/api/tasks/{sub['id']}", 200)["project_id"] is None
    api.call("GET", f"/api/projects/{project['id']}", 404)


def test_deleting_a_project_with_tasks_delete_removes_them(api):
    keep = api.task("Keep")
    project = api.project("Drop")
    parent = api.task("Gone", project_id=project["id"])
    api.task("Gone too", parent_id=parent["id"])

    api.call("DELETE", f"/api/projects/{project['id']}?tasks=delete", 204)

    assert api.titles() == [keep["title"]]


def test_delete_rejects_an_unknown_tasks_choice(api):
    project = api.project("P")
    answer = api.call("DELETE", f"/api/projects/{project['id']}?tasks=archive", 422)
    assert list(answer["errors"]["query"]) == ["tasks"]


def test_move_projects(api):
    a, b, c = (api.project(name) for name in "ABC")

    api.call("POST", f"/api/projects/{c['id']}/move", 200, json={"before_id": a["id"]})
    assert [p["name"] for p in api.call("GET", "/api/projects", 200)] == ["C", "A", "B"]
    api.call("POST", f"/api/projects/{c['id']}/move", 200, json={"after_id": b["id"]})
    assert [p["name"] for p in api.call("GET", "/api/projects", 200)] == ["A", "B", "C"]
    # Between two neighbours, as a drag and drop sends it; stale neighbours are a conflict.
    api.call(
        "POST",
        f"/api/projects/{a['id']}/move",
        200,
        json={"after_id": b["id"], "before_id": c["id"]},
    )
    assert [p["name"] for p in api.call("GET", "/api/projects", 200)] == ["B", "A", "C"]
    stale = api.call(
        "POST",
        f"/api/projects/{c['id']}/move",
        409,
        json={"after_id": c["id"], "before_id": b["id"]},
    )
    assert stale["message"] == (
        "before_id and after_id are no longer neighbours; reload the list and retry."
    )
    api.call("POST", f"/api/projects/{b['id']}/move", 200, json={})
    assert [p["name"] for p in api.call("GET", "/api/projects", 200)] == ["A", "C", "B"]
