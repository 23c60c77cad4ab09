"""Serving the built SPA from Flask: the embedded default (``make run``), one process.

In production Nginx serves the bundle and this is not registered.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response, send_from_directory
from werkzeug.exceptions import NotFound

HASHED_ASSETS_MAX_AGE = 365 * 24 * 3600
_BACKEND_PREFIXES = ("api/", "health", "metrics")


def init_spa(app: Flask) -> None:
    dist = app.config.get("SPA_DIST_DIR")
    if not dist or not (Path(dist) / "index.html").is_file():
        return
    root = Path(dist).resolve()

    @app.get("/", endpoint="spa_index")
    @app.get("/<path:path>", endpoint="spa")
    def serve_spa(path: str = "") -> Response:
        if path.startswith(_BACKEND_PREFIXES) or path == "api":
            raise NotFound()
        if path and (root / path).is_file():
            if not path.startswith("assets/"):
                return send_from_directory(root, path)
            # Vite puts a content hash in every asset name: they never change.
            response = send_from_directory(root, path, max_age=HASHED_ASSETS_MAX_AGE)
            response.cache_control.public = True
            response.cache_control.immutable = True
            return response
        # Client-side routes (/tasks, /settings, ...) all load the app shell.
        response = send_from_directory(root, "index.html")
        response.cache_control.no_cache = True
        return response
