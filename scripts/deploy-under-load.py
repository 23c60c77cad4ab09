#!/usr/bin/env python3
"""Run a deploy command while clients write and read through Nginx; fail if any request fails.

    backend/.venv/bin/python scripts/deploy-under-load.py --url http://127.0.0.1:8080 \\
        -- scripts/deploy.sh --build v2

Registers an account, then THREADS clients (half create tasks, half list them) run from
SETTLE seconds before the command until SETTLE seconds after it. Prints one JSON summary;
exits 1 when the command failed, when any request got no answer or an answer other than
200/201, or when the tasks the API confirmed are not exactly the ones it lists.
Meant for loopback: the load is bounded by the thread count.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

import httpx


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the deploy command after --")

    email = f"deploy-{uuid.uuid4().hex[:8]}@example.com"
    password = "deploy-under-load-1"
    with httpx.Client(base_url=args.url, timeout=30) as client:
        body = {"name": "Deploy", "email": email, "password": password}
        client.post("/api/auth/register", json=body).raise_for_status()
        login = client.post("/api/auth/login", json={"email": email, "password": password})
        login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

    outcomes: list[tuple[int | None, str]] = []
    created: dict[int, str] = {}
    stop = threading.Event()

    def run(worker: int) -> None:
        with httpx.Client(base_url=args.url, timeout=30, headers=headers) as client:
            n = 0
            while not stop.is_set():
                n += 1
                try:
                    if worker % 2:
                        response = client.get("/api/tasks?per_page=5")
                    else:
                        title = f"deploy {worker}-{n}"
                        response = client.post("/api/tasks", json={"title": title})
                        if response.status_code == 201:
                            created[response.json()["id"]] = title
                    outcomes.append((response.status_code, ""))
                except httpx.TransportError as error:
                    outcomes.append((None, repr(error)))

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(args.threads)]
    for thread in threads:
        thread.start()
    time.sleep(args.settle)
    started = time.monotonic()
    deploy = subprocess.run(command, check=False)
    deploy_seconds = time.monotonic() - started
    time.sleep(args.settle)
    stop.set()
    for thread in threads:
        thread.join(timeout=40)

    listed: dict[int, str] = {}
    with httpx.Client(base_url=args.url, timeout=30, headers=headers) as client:
        page = 1
        while True:
            response = client.get(f"/api/tasks?per_page=100&page={page}")
            response.raise_for_status()
            items = response.json()["items"]
            listed.update({item["id"]: item["title"] for item in items})
            if len(items) < 100:
                break
            page += 1

    statuses = Counter(str(status) for status, _ in outcomes)
    failures = [error or str(status) for status, error in outcomes if status not in (200, 201)]
    summary = {
        "deploy_exit_code": deploy.returncode,
        "deploy_seconds": round(deploy_seconds, 1),
        "requests": len(outcomes),
        "statuses": dict(statuses),
        "failures": Counter(failures).most_common(5),
        "tasks_confirmed": len(created),
        "tasks_listed_match": listed == created,
    }
    print(json.dumps(summary, indent=2))
    ok = deploy.returncode == 0 and not failures and listed == created
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
