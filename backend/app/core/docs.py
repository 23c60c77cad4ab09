"""Swagger UI for the API at /api/docs, from assets shipped with the app (no CDN).

The Swagger UI build comes from the flask-swagger-ui wheel, pinned by uv.lock; this module
serves only its files and a page of our own whose scripts are all files, so the page's
Content-Security-Policy needs no CDN and no inline script. ``API_DOCS=false`` (the
production default) registers nothing: /api/docs answers the JSON 404.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Flask, Response, send_from_directory, url_for
from werkzeug.exceptions import NotFound

SWAGGER_UI_DIST = Path(flask_swagger_ui.__file__).resolve().parent / "dist"
SWAGGER_UI_VERSION = version("flask-swagger-ui")
# Swagger UI sets inline style attributes and data: images; every script is a file.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"})
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Tarefa API</title>
  <link rel="stylesheet" href="{css}">
  <link rel="icon" type="image/png" href="{icon}">
</head>
<body>
  <div id="swagger-ui" data-spec-url="{spec}"></div>
  <script src="{bundle}"></script>
  <script src="{init}"></script>
</body>
</html>
"""
_INIT_JS = """"use strict";
window.ui = SwaggerUIBundle({
  url: document.getElementById("swagger-ui").dataset.specUrl,
  dom_id: "#swagger-ui",
  deepLinking: true,
});
"""

blp = Blueprint("docs", __name__, url_prefix="/api/docs")


@blp.get("")
def page() -> Response:
    html = _PAGE.format(
        css=url_for("docs.asset", filename="swagger-ui.css", v=SWAGGER_UI_VERSION),
        icon=url_for("docs.asset", filename="favicon-32x32.png", v=SWAGGER_UI_VERSION),
        bundle=url_for("docs.asset", filename="swagger-ui-bundle.js", v=SWAGGER_UI_VERSION),
        init=url_for("docs.init_script", v=SWAGGER_UI_VERSION),
        spec=url_for("api-docs.openapi_json"),
    )
    return _with_csp(Response(html, mimetype="text/html"))


@blp.get("/init.js")
def init_script() -> Response:
    return _with_csp(Response(_INIT_JS, mimetype="text/javascript"))


@blp.get("/assets/<filename>")
def asset(filename: str) -> Response:
    if filename not in _ASSETS:
        raise NotFound()
    return _with_csp(send_from_directory(SWAGGER_UI_DIST, filename))


def _with_csp(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response


def init_docs(app: Flask) -> None:
    if app.config["API_DOCS"]:
        app.register_blueprint(blp)
