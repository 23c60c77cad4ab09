"""Manual order (move), priorities and bulk actions."""


def order(api, query="view=inbox"):
    return api.titles(f"{query}&top_level=true&sort=position")


def test_new_tasks_go_to_the_end_of_their_list(api):
    a, b = api.task("A"), api.task("B")
    assert a["position"] < b["position"]
    assert order(api) == ["A", "B"]


def test_a_move_without_a_body_goes_to_the_end_as_the_spec_says(api, app):
    a, _ = api.task("A"), api.task("B")

    api.call("POST", f"/api/tasks/{a['id']}/move", 200)

    assert order(api) == ["B", "A"]
    move = app.test_client().get("/api/openapi.json").json["paths"]["/api/tasks/{task_id}/move"]
    assert move["post"]["requestBody"]["required"] is False


def test_move_before_after_and_to_the_end(api):
    a, b, c = api.task("A"), api.task("B"), api.task("C")

    moved = api.call("POST", f"/api/tasks/{c['id']}/move", 200, json={"before_id": a["id"]})
    assert order(api) == ["C", "A", "B"]
    assert moved["position"] < a["position"]
    api.call("POST", f"/api/tasks/{c['id']}/move", 200, json={"after_id": a["id"]})
    assert order(api) == ["A", "C", "B"]
    api.call("POST", f"/api/tasks/{a['id']}/move", 200, json={})
    assert order(api) == ["C", "B", "A"]
    api.call(
        "POST", f"/api/tasks/{a['id']}/move", 200, json={"after_id": c["id"], "before_id": b["id"]}
    )
    assert order(api) == ["C", "A", "B"]
    # Dropped between two tasks that are no longer neighbours: the list changed meanwhile.
    api.call(
        "POST", f"/api/tasks/{b['id']}/move", 409, json={"after_id": b["id"], "before_id": c["id"]}
    )
    api.call(
        "POST", f"/api/tasks/{b['id']}/move", 409, json={"after_id": c["id"], "before_id": b["id"]}
    )
    assert order(api) == ["C", "A", "B"]
    # Next to itself: already there, nothing moves.
    assert (
        api.call("POST", f"/api/tasks/{b['id']}/move", 200, json={"after_id": b["id"]})["position"]
        == b["position"]
    )
    # Only the moved row was written: the others kept their positions.
    assert api.call("GET", f"/api/tasks/{b['id']}", 200)["position"] == b["position"]


def test_move_to_a_project_next_to_one_of_its_tasks(api):
    project = api.project("Work")
    x = api.task("X", project_id=project["id"])
    api.task("Y", project_id=project["id"])
    task = api.task("Loose")
    sub = api.task("Step", parent_id=task["id"])

    moved = api.call("POST", f"/api/tasks/{task['id']}/move", 200, json={"after_id": x["id"]})

    assert moved["project_id"] == project["id"]
    assert order(api, f"project_id={project['id']}") == ["X", "Loose", "Y"]
    assert api.call("GET", f"/api/tasks/{sub['id']}", 200)["project_id"] == project["id"]
    back = api.call("POST", f"/api/tasks/{task['id']}/move", 200, json={"project_id": None})
    assert back["project_id"] is None
    assert api.call("GET", f"/api/tasks/{sub['id']}", 200)["project_id"] is None


def test_move_refuses_anchors_elsewhere_and_subtasks_leaving_their_parent(api):
    project = api.project("Work")
    filed = api.task("Filed", project_id=project["id"])
    loose = api.task("Loose")
    sub = api.task("Step", parent_id=loose["id"])

    wrong = api.call(
        "POST",
        f"/api/tasks/{loose['id']}/move",
        409,
        json={"before_id": filed["id"], "project_id": None},
    )
    assert wrong["errors"] == {
        "json": {"before_id": ["The task to move next to is in another list."]}
    }
    api.call("POST", f"/api/tasks/{sub['id']}/move", 409, json={"project_id": project["id"]})
    api.call("PATCH", f"/api/tasks/{sub['id']}", 409, json={"project_id": project["id"]})
    refused = api.call(
        "POST",
        "/api/tasks",
        409,
        json={"title": "x", "parent_id": loose["id"], "project_id": project["id"]},
    )
    assert refused["errors"] == {
        "json": {"project_id": ["A subtask stays in its parent's project."]}
    }
    assert api.call("GET", f"/api/tasks/{sub['id']}", 200)["project_id"] is None
    api.call("POST", f"/api/tasks/{loose['id']}/move", 404, json={"before_id": 2**31 - 1})
    assert order(api) == ["Loose"]


def test_moves_renumber_when_the_gap_runs_out(api):
    a, b = api.task("A"), api.task("B")
    # Each move into the gap right after A halves it; 17 halvings exhaust a gap of 2**16.
    for n in range(20):
        moving = api.task(f"M{n}")
        api.call("POST", f"/api/tasks/{moving['id']}/move", 200, json={"after_id": a["id"]})

    expected = ["A", *[f"M{n}" for n in reversed(range(20))], "B"]
    assert order(api) == expected
    page = api.call("GET", "/api/tasks?per_page=100&sort=position", 200)["items"]
    assert len({task["position"] for task in page}) == 22
    # The list was renumbered once the gap after A ran out: B moved further down.
    assert page[-1]["id"] == b["id"]
    assert page[-1]["position"] > b["position"]


def test_priority_default_filter_and_sort(api):
    api.task("None")
    api.task("Urgent", priority=1)
    api.task("Soon", priority=2)

    assert api.titles("sort=priority") == ["Urgent", "Soon", "None"]
    assert api.titles("priority=1&priority=2&sort=-priority") == ["Soon", "Urgent"]
    answer = api.call("POST", "/api/tasks", 422, json={"title": "x", "priority": 5})
    assert list(answer["errors"]["json"]) == ["priority"]


def test_completed_at_is_set_when_done_and_cleared_when_reopened(api):
    task = api.task("Pay")
    assert task["completed_at"] is None
    done = api.call("POST", f"/api/tasks/{task['id']}/toggle", 200)
    assert done["completed_at"] is not None
    reopened = api.call("PATCH", f"/api/tasks/{task['id']}", 200, json={"done": False})
    assert reopened["completed_at"] is None


def test_bulk_complete_answers_what_changed(api):
    a, b = api.task("A"), api.task("B", done=True)

    result = api.call(
        "POST", "/api/tasks/bulk", 200, json={"ids": [a["id"], b["id"]], "action": "complete"}
    )

    assert result["action"] == "complete"
    assert result["changed_ids"] == [a["id"]]
    assert [(t["title"], t["done"]) for t in result["tasks"]] == [("A", True), ("B", True)]


def test_bulk_is_all_or_nothing_and_only_for_your_tasks(api, other):
    mine = api.task("Mine")
    theirs = other.task("Theirs")

    refused = api.call(
        "POST", "/api/tasks/bulk", 404, json={"ids": [mine["id"], theirs["id"]], "action": "delete"}
    )

    assert refused["errors"] == {"json": {"ids": [f"Tasks not found: {theirs['id']}."]}}
    assert api.titles() == ["Mine"]
    assert other.titles() == ["Theirs"]


def test_bulk_actions(api):
    project = api.project("Work")
    a, b = api.task("A"), api.task("B", labels=["x"])
    ids = [a["id"], b["id"]]

    moved = api.call(
        "POST",
        "/api/tasks/bulk",
        200,
        json={"ids": ids, "action": "move", "project_id": project["id"]},
    )
    assert [t["project_id"] for t in moved["tasks"]] == [project["id"], project["id"]]
    assert order(api, f"project_id={project['id']}") == ["A", "B"]
    prio = api.call(
        "POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "set_priority", "priority": 1}
    )
    assert [t["priority"] for t in prio["tasks"]] == [1, 1]
    added = api.call(
        "POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "add_label", "label": "X"}
    )
    assert (added["changed_ids"], [t["labels"] for t in added["tasks"]]) == (
        [a["id"]],
        [["x"], ["x"]],
    )
    removed = api.call(
        "POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "remove_label", "label": "x"}
    )
    assert [t["labels"] for t in removed["tasks"]] == [[], []]
    api.call("POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "complete"})
    reopened = api.call("POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "reopen"})
    assert reopened["changed_ids"] == ids
    inbox = api.call("POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "move"})
    assert [t["project_id"] for t in inbox["tasks"]] == [None, None]
    cleared = api.call("POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "set_priority"})
    assert [t["priority"] for t in cleared["tasks"]] == [4, 4]
    missing = api.call("POST", "/api/tasks/bulk", 422, json={"ids": ids, "action": "add_label"})
    assert missing["errors"] == {"json": {"label": ["Required by the add_label action."]}}
    deleted = api.call("POST", "/api/tasks/bulk", 200, json={"ids": ids, "action": "delete"})
    assert (deleted["changed_ids"], deleted["tasks"]) == (ids, [])
    assert api.titles() == []


def test_a_bulk_action_failing_half_way_changes_nothing(api):
    project = api.project("Work")
    first = api.task("First")
    parent = api.task("Parent")
    sub = api.task("Step", parent_id=parent["id"])

    # "First" is moved before the subtask is reached and refused: everything is undone.
    refused = api.call(
        "POST",
        "/api/tasks/bulk",
        409,
        json={"ids": [first["id"], sub["id"]], "action": "move", "project_id": project["id"]},
    )

    assert refused["message"] == "A subtask stays in its parent's project."
    assert api.call("GET", f"/api/tasks/{first['id']}", 200)["project_id"] is None
    assert api.call("GET", f"/api/projects/{project['id']}", 200)["open_count"] == 0
    assert order(api) == ["First", "Parent"]
