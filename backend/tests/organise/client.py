"""One user's view of the API, for the organise tests."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.support.accounts import PASSWORD, bearer


class Api:
    """One user's calls, asserting the expected status of each."""

    def __init__(self, client: FlaskClient, headers: dict[str, str]) -> None:
        self.client, self.headers = client, headers

    @classmethod
    def register(cls, client: FlaskClient, email: str) -> Api:
        account = {"name": email.split("@")[0], "email": email, "password": PASSWORD}
        assert client.post("/api/auth/register", json=account).status_code == 201
        tokens = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        assert tokens.status_code == 200, tokens.json
        return cls(client, bearer(tokens.json["access_token"]))

    def call(self, method: str, url: str, status: int, **kwargs: Any) -> Any:
        response = self.client.open(url, method=method, headers=self.headers, **kwargs)
        assert response.status_code == status, (response.status_code, response.json)
        return response.json

    def task(self, title: str = "A task", **fields: Any) -> dict[str, Any]:
        return self.call("POST", "/api/tasks", 201, json={"title": title, **fields})

    def project(self, name: str, **fields: Any) -> dict[str, Any]:
        return self.call("POST", "/api/projects", 201, json={"name": name, **fields})

    def titles(self, query: str = "") -> list[str]:
        page = self.call("GET", f"/api/tasks?per_page=100&{query}", 200)
        return [task["title"] for task in page["items"]]

    def total(self, query: str) -> int:
        return self.call("GET", f"/api/tasks?per_page=1&{query}", 200)["total"]

    def counts(self) -> dict[str, Any]:
        return self.call("GET", "/api/tasks/counts", 200)
