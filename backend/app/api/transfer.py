"""Your data out and back in: export as JSON or CSV, import a JSON export or a CSV."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, stream_with_context
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.schemas.transfer import ExportArgs, ImportArgs, ImportFile, ImportReport
from app.services import export, importing
from app.services.quick import user_zone

blp = Blueprint("transfer", __name__, url_prefix="/api", description="Export and import")

UNAUTHORIZED = failure("Missing or invalid access token")


@blp.route("/export", methods=["GET"])
@jwt_required()
@blp.arguments(ExportArgs, location="query")
@blp.response(
    200,
    description="The JSON export document, or CSV with the import's header",
    content_type="application/json",
)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.doc(**BEARER)
def export_data(args: dict[str, Any]) -> Response:
    """Every project, label and task of yours (JSON: with subtasks, recurrence and
    occurrences; CSV: one row per task), streamed as a download."""
    owner_id, kind = current_user_id(), args["format"]
    pieces = (
        export.export_json(owner_id=owner_id)
        if kind == "json"
        else export.export_csv(owner_id=owner_id)
    )
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    response = Response(
        stream_with_context(pieces),
        mimetype="application/json" if kind == "json" else "text/csv",
    )
    response.headers["Content-Disposition"] = f'attachment; filename="tarefa-{stamp}.{kind}"'
    return response


@blp.route("/import", methods=["POST"])
@jwt_required()
@blp.arguments(ImportArgs, location="query")
@blp.arguments(ImportFile, location="files")
@blp.response(201, ImportReport)
@blp.alt_response(
    200, schema=ImportReport, description="dry_run: what would be created, nothing saved"
)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(413, **failure("The file is larger than MAX_CONTENT_LENGTH"))
@blp.alt_response(
    422, **failure("A rejected row (errors.rows: line or path → reasons): nothing imported")
)
@blp.doc(**BEARER)
def import_data(args: dict[str, Any], files: dict[str, Any]) -> Any:
    """Import a JSON export of Tarefa or a CSV, all or nothing; ``dry_run`` only reports."""
    owner_id, upload = current_user_id(), files["file"]
    plan = importing.read_file(filename=upload.filename or "", data=upload.read())
    today = datetime.now(user_zone(owner_id)).date()
    report = importing.run(owner_id=owner_id, plan=plan, dry_run=args["dry_run"], today=today)
    return ImportReport().dump(report), 200 if args["dry_run"] else 201
