"""Breakdown reads a vague task with its parent task and project as context."""

import pytest

from tests.organise.client import Api


@pytest.fixture
def api(client, auth, make_user):
    return Api(client, auth.headers(make_user(email="ana@example.com")))


def test_breakdown_of_a_vague_task_reads_its_parent_and_project(api):
    project = api.project("Bathroom leak")
    parent = api.task("Fix the leaking tap", project_id=project["id"])
    child = api.task("Call them", parent_id=parent["id"])

    result = api.call("POST", f"/api/tasks/{child['id']}/breakdown", 201, json={"max_tasks": 3})

    assert [task["title"] for task in result["tasks"]] == [
        "Find the phone number",
        "Describe the problem and when you are at home",
        "Ask for a quote and a visit date before any work starts",
    ]


@pytest.mark.parametrize("granularity", ["coarse", "normal", "fine"])
def test_breakdown_of_call_the_plumber_gives_two_to_four_concrete_steps(api, granularity):
    task = api.task("Call the plumber")

    result = api.call(
        "POST", f"/api/tasks/{task['id']}/breakdown", 201, json={"granularity": granularity}
    )

    titles = [subtask["title"] for subtask in result["tasks"]]
    expected = {
        "coarse": [
            "Find the phone number of the plumber",
            "Ask for a quote and a visit date before any work starts",
        ],
        "normal": [
            "Find the phone number of the plumber",
            "Describe the problem and when you are at home",
            "Ask for a quote and a visit date before any work starts",
        ],
        "fine": [
            "Find the phone number of the plumber",
            "Describe the problem and when you are at home",
            "Ask for a quote and a visit date before any work starts",
            "Add the visit to your calendar",
        ],
    }
    assert titles == expected[granularity]
    assert all(subtask["parent_id"] == task["id"] for subtask in result["tasks"])
