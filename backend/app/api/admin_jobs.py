"""Background jobs for admins: see failed jobs, retry or discard them."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView

from app.api.deps import BEARER, admin_required, failure
from app.core.api import Blueprint
from app.schemas.jobs import AdminJobList, AdminJobListArgs, AdminJobOut
from app.services import jobs as job_service

blp = Blueprint(
    "admin_jobs", __name__, url_prefix="/api/admin/jobs", description="Job administration"
)

UNAUTHORIZED = failure("Missing or invalid access token")
FORBIDDEN = failure("Not an admin")
NOT_FOUND = failure("No such failed job")


@blp.route("")
@admin_required
@blp.arguments(AdminJobListArgs, location="query")
@blp.response(200, AdminJobList)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(403, **FORBIDDEN)
@blp.doc(**BEARER)
def list_jobs(args: dict[str, Any]) -> Any:
    """Jobs in one state (default: failed, kept with their error), newest first, at most 100."""
    return {"items": job_service.list_jobs(status=args["status"])}


@blp.route("/<uuid:job_id>/retry", methods=["POST"])
@admin_required
@blp.response(200, AdminJobOut)
@blp.alt_response(401, **UNAUTHORIZED)
@blp.alt_response(403, **FORBIDDEN)
@blp.alt_response(404, **NOT_FOUND)
@blp.doc(**BEARER)
def retry(job_id: Any) -> Any:
    """Put a failed job back on its queue."""
    return job_service.describe_for_admin(job_service.retry_job(job_id=str(job_id)))


@blp.route("/<uuid:job_id>")
class AdminJobById(MethodView):
    decorators = [admin_required]

    @blp.response(204)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(403, **FORBIDDEN)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def delete(self, job_id: Any) -> Response:
        """Discard a failed job."""
        job_service.discard_job(job_id=str(job_id))
        return Response(status=204)
