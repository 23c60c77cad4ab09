import pytest


def test_labels_are_created_on_first_use_and_shared_by_name(api):
    first = api.task("Buy milk", labels=["errands", "Casa"])
    second = api.task("Fix tap", labels=["casa", "  urgent "])

    assert first["labels"] == ["Casa", "errands"]
    # "casa" is the label "Casa": the first spelling wins.
    assert second["labels"] == ["Casa", "urgent"]
    labels = api.call("GET", "/api/labels", 200)
    assert [(label["name"], label["open_count"], label["color"]) for label in labels] == [
        ("Casa", 2, "grey"),
        ("errands", 1, "grey"),
        ("urgent", 1, "grey"),
    ]


def test_patch_labels_replaces_the_list(api):
    task = api.task("Call mum", labels=["family", "phone"])

    patched = api.call(
        "PATCH", f"/api/tasks/{task['id']}", 200, json={"labels": ["phone", "weekly"]}
    )

    assert patched["labels"] == ["phone", "weekly"]
    assert api.call("PATCH", f"/api/tasks/{task['id']}", 200, json={"labels": []})["labels"] == []


@pytest.mark.parametrize(
    "labels",
    [["two words"], [""], ["   "], ["x" * 41], ["ok", 3], ["x"] * 21, "errands"],
)
def test_bad_label_names_are_refused(api, labels):
    answer = api.call("POST", "/api/tasks", 422, json={"title": "t", "labels": labels})
    assert list(answer["errors"]["json"]) == ["labels"]
    assert api.call("GET", "/api/labels", 200) == []


def test_filter_by_labels_all_must_match(api):
    api.task("Milk", labels=["errands", "shop"])
    api.task("Bread", labels=["shop"])
    api.task("Bank", labels=["errands"])

    assert api.titles("label=shop&sort=title") == ["Bread", "Milk"]
    assert api.titles("label=SHOP&label=errands") == ["Milk"]
    assert api.titles("label=unknown") == []


def test_rename_recolour_and_delete_a_label(api):
    task = api.task("Milk", labels=["shop", "errands"])
    shop = next(label for label in api.call("GET", "/api/labels", 200) if label["name"] == "shop")

    renamed = api.call(
        "PATCH", f"/api/labels/{shop['id']}", 200, json={"name": "market", "color": "green"}
    )
    assert renamed == {"id": shop["id"], "name": "market", "color": "green", "open_count": 1}
    assert api.call("GET", f"/api/tasks/{task['id']}", 200)["labels"] == ["errands", "market"]
    api.call("PATCH", f"/api/labels/{shop['id']}", 409, json={"name": "Errands"})

    api.call("DELETE", f"/api/labels/{shop['id']}", 204)
    after = api.call("GET", f"/api/tasks/{task['id']}", 200)
    assert (after["title"], after["labels"]) == ("Milk", ["errands"])
    assert [label["name"] for label in api.call("GET", "/api/labels", 200)] == ["errands"]


def test_create_a_label_directly(api):
    created = api.call("POST", "/api/labels", 201, json={"name": "focus", "color": "violet"})
    assert created == {"id": created["id"], "name": "focus", "color": "violet", "open_count": 0}
    api.call("POST", "/api/labels", 409, json={"name": "FOCUS"})
    assert api.task("Deep work", labels=["Focus"])["labels"] == ["focus"]


def test_another_users_labels_are_never_borrowed_nor_visible(api, other):
    api.task("Mine", labels=["secret"])
    (label,) = api.call("GET", "/api/labels", 200)

    other.call("GET", f"/api/labels/{label['id']}", 404)
    other.call("PATCH", f"/api/labels/{label['id']}", 404, json={"name": "x"})
    other.call("DELETE", f"/api/labels/{label['id']}", 404)
    theirs = other.task("Theirs", labels=["secret"])
    (their_label,) = other.call("GET", "/api/labels", 200)

    assert their_label["id"] != label["id"]
    assert theirs["labels"] == ["secret"]
    assert other.titles("label=secret") == ["Theirs"]
    assert api.call("GET", f"/api/labels/{label['id']}", 200)["open_count"] == 1
