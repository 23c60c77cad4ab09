"""Failed jobs are kept for admins, who retry or discard them."""

from __future__ import annotations

from app.jobs import enqueue
from app.jobs.mail import deliver_mail
from app.services.accounts import ensure_admin
from tests.jobs.conftest import register, wait_until
from tests.support.accounts import PASSWORD, bearer


def admin_headers(app, client):
    with app.app_context():
        ensure_admin(email="boss@example.com", password=PASSWORD)
    login = client.post("/api/auth/login", json={"email": "boss@example.com", "password": PASSWORD})
    return bearer(login.json["access_token"])


def test_admins_see_failed_jobs_and_retry_or_discard_them(env, smtp, start_worker):
    env.set(JOBS_RETRY_BACKOFF="1")  # one retry, then the job is kept as failed
    smtp.failures = 100
    start_worker("admin-1")
    app = env.app()
    client = app.test_client()
    admin = admin_headers(app, client)
    user = register(client, "plain@example.com")
    with app.test_request_context():
        kept = enqueue(deliver_mail, to="a@example.com", subject="Kept", body="b")
        dropped = enqueue(deliver_mail, to="b@example.com", subject="Dropped", body="b")
    for job in (kept, dropped):
        wait_until(lambda j=job: j.get_status(refresh=True) == "failed", timeout=60, what="failure")

    listed = client.get("/api/admin/jobs?status=failed", headers=admin)

    assert listed.status_code == 200
    by_id = {item["id"]: item for item in listed.json["items"]}
    assert set(by_id) == {kept.id, dropped.id}
    assert by_id[kept.id]["kind"] == "deliver_mail"
    assert by_id[kept.id]["queue"] == "mail"
    assert by_id[kept.id]["status"] == "failed"
    assert by_id[kept.id]["attempts"] == 2
    assert by_id[kept.id]["error"] == {
        "status": 500,
        "message": "The job failed; an administrator can retry it.",
    }
    assert "MailError: could not send mail: SMTPDataError" in by_id[kept.id]["failure"]
    assert client.get("/api/admin/jobs", headers=user).status_code == 403
    assert client.get("/api/admin/jobs?status=nope", headers=admin).status_code == 422

    smtp.failures = 0
    retried = client.post(f"/api/admin/jobs/{kept.id}/retry", headers=admin)
    assert retried.status_code == 200
    assert retried.json["status"] in ("queued", "running", "succeeded")
    wait_until(lambda: kept.get_status(refresh=True) == "finished", timeout=60, what="the retry")
    assert [m["Subject"] for _, m in smtp.messages] == ["Kept"]

    assert client.delete(f"/api/admin/jobs/{dropped.id}", headers=admin).status_code == 204
    assert client.get("/api/admin/jobs", headers=admin).json["items"] == []
    assert client.delete(f"/api/admin/jobs/{dropped.id}", headers=admin).status_code == 404
    assert client.post(f"/api/admin/jobs/{kept.id}/retry", headers=admin).status_code == 404
