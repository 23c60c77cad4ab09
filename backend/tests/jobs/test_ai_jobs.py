"""AI generation as jobs through real workers and a slow OpenAI-compatible server."""

from __future__ import annotations

import os
import signal

import redis
from rq.job import Job

from tests.ai.conftest import Reply, chat, tasks_json
from tests.jobs.conftest import register, wait_until

TITLES = ("Book the flights", "Reserve a hotel", "Plan the first day")


def slow_plan(delay: float) -> Reply:
    reply = chat(tasks_json(*TITLES))
    return Reply(status=reply.status, body=reply.body, delay=delay)


def job_status(client, headers, job_id):
    response = client.get(f"/api/jobs/{job_id}", headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def titles(client, headers):
    response = client.get("/api/tasks?sort=title", headers=headers)
    return [task["title"] for task in response.json["items"]]


def test_generation_finishes_as_a_job_while_the_api_keeps_answering(env, openai_env, start_worker):
    openai_env.script(slow_plan(3.0))
    start_worker("ai-1")
    client = env.app().test_client()
    headers = register(client, "gen@example.com")

    accepted = client.post(
        "/api/tasks/generate",
        json={"goal": "Plan a weekend in Lisbon", "async": True},
        headers=headers,
    )

    assert accepted.status_code == 202
    job_id = accepted.json["job_id"]
    assert accepted.json["status_url"] == f"/api/jobs/{job_id}"
    assert accepted.headers["Location"] == f"/api/jobs/{job_id}"
    wait_until(
        lambda: job_status(client, headers, job_id)["status"] == "running", timeout=30, what="start"
    )
    # The provider is still thinking; the API answers other requests meanwhile.
    assert client.get("/api/tasks", headers=headers).json["items"] == []
    assert client.get("/api/auth/me", headers=headers).status_code == 200
    assert job_status(client, headers, job_id)["status"] == "running"

    done = wait_until(
        lambda: (s := job_status(client, headers, job_id))["status"] == "succeeded" and s,
        timeout=30,
        what="the generation",
    )
    assert done["kind"] == "generate_plan"
    assert done["result"]["provider"] == "openai"
    assert [task["title"] for task in done["result"]["tasks"]] == list(TITLES)
    assert done["finished_at"] is not None
    assert titles(client, headers) == sorted(TITLES)


def test_failed_generation_reports_the_providers_error(env, openai_env, start_worker):
    openai_env.script(Reply(status=503, body={"error": {"message": "overloaded"}}))
    start_worker("ai-2")
    client = env.app().test_client()
    headers = register(client, "fail@example.com")

    job_id = client.post(
        "/api/tasks/generate", json={"goal": "Plan a party", "async": True}, headers=headers
    ).json["job_id"]

    failed = wait_until(
        lambda: (s := job_status(client, headers, job_id))["status"] == "failed" and s,
        timeout=30,
        what="the failure",
    )
    assert failed["error"]["status"] == 502
    assert "503" in failed["error"]["message"]
    assert "result" not in failed


def test_cancelling_a_running_generation_saves_nothing(env, openai_env, start_worker):
    openai_env.script(slow_plan(4.0))
    start_worker("ai-3")
    client = env.app().test_client()
    headers = register(client, "cancel@example.com")
    job_id = client.post(
        "/api/tasks/generate", json={"goal": "Plan a wedding", "async": True}, headers=headers
    ).json["job_id"]
    wait_until(lambda: openai_env.requests, timeout=30, what="the provider call")

    cancelled = client.delete(f"/api/jobs/{job_id}", headers=headers)

    assert cancelled.status_code == 200
    assert cancelled.json["status"] == "cancelled"
    connection = redis.Redis.from_url(env.values["REDIS_URL"])
    wait_until(
        lambda: Job.fetch(job_id, connection=connection).get_status() == "stopped",
        timeout=30,
        what="the worker to stop the job",
    )
    assert job_status(client, headers, job_id)["status"] == "cancelled"
    assert titles(client, headers) == []
    again = client.delete(f"/api/jobs/{job_id}", headers=headers)
    assert again.status_code == 200
    assert again.json["status"] == "cancelled"


def test_cancelling_a_queued_job_means_it_never_runs(env, openai_env, start_worker):
    openai_env.script(slow_plan(0))
    client = env.app().test_client()
    headers = register(client, "queued@example.com")
    job_id = client.post(
        "/api/tasks/generate", json={"goal": "Plan a move", "async": True}, headers=headers
    ).json["job_id"]
    assert job_status(client, headers, job_id)["status"] == "queued"

    assert client.delete(f"/api/jobs/{job_id}", headers=headers).json["status"] == "cancelled"
    assert start_worker("ai-4", "--burst", ready=False).process.wait(timeout=60) == 0

    assert openai_env.requests == []
    assert titles(client, headers) == []


def test_a_worker_stopped_mid_job_hands_it_to_another_worker(env, openai_env, start_worker):
    openai_env.script(slow_plan(3.0))
    first = start_worker("ai-5")
    client = env.app().test_client()
    headers = register(client, "sigterm@example.com")
    job_id = client.post(
        "/api/tasks/generate",
        json={"goal": "Plan a trip to Porto", "async": True},
        headers=headers,
    ).json["job_id"]
    wait_until(
        lambda: job_status(client, headers, job_id)["status"] == "running", timeout=30, what="start"
    )

    os.kill(first.process.pid, signal.SIGTERM)
    assert first.process.wait(timeout=30) == 0
    connection = redis.Redis.from_url(env.values["REDIS_URL"])
    assert Job.fetch(job_id, connection=connection).get_status() == "queued"
    start_worker("ai-6")

    done = wait_until(
        lambda: (s := job_status(client, headers, job_id))["status"] == "succeeded" and s,
        timeout=30,
        what="the second worker",
    )
    assert Job.fetch(job_id, connection=connection).worker_name == "ai-6"
    assert [task["title"] for task in done["result"]["tasks"]] == list(TITLES)
    assert titles(client, headers) == sorted(TITLES)  # saved once
    assert "requeued for another worker" in first.logs()


def test_jobs_belong_to_their_owner(env, openai_env):
    openai_env.script(slow_plan(0))
    client = env.app().test_client()
    owner = register(client, "owner@example.com")
    other = register(client, "other@example.com")
    job_id = client.post(
        "/api/tasks/generate", json={"goal": "Plan a garden", "async": True}, headers=owner
    ).json["job_id"]

    assert client.get(f"/api/jobs/{job_id}", headers=owner).status_code == 200
    for method in (client.get, client.delete):
        response = method(f"/api/jobs/{job_id}", headers=other)
        assert response.status_code == 404
        assert response.json["message"] == "No such job."
    assert client.get(f"/api/jobs/{job_id}").status_code == 401
    assert client.get(f"/api/jobs/{job_id}", headers=owner).json["status"] == "queued"
    unknown = client.get("/api/jobs/00000000-0000-4000-8000-000000000000", headers=owner)
    assert unknown.status_code == 404
    assert client.get("/api/jobs/not-a-uuid", headers=owner).status_code == 404


def test_async_breakdown_of_another_users_task_is_404_at_once(env, openai_env):
    client = env.app().test_client()
    owner = register(client, "b-owner@example.com")
    other = register(client, "b-other@example.com")
    task_id = client.post("/api/tasks", json={"title": "Move house"}, headers=owner).json["id"]

    response = client.post(f"/api/tasks/{task_id}/breakdown", json={"async": True}, headers=other)

    assert response.status_code == 404
    accepted = client.post(f"/api/tasks/{task_id}/breakdown", json={"async": True}, headers=owner)
    assert accepted.status_code == 202
