"""Your background jobs: follow an AI generation, or cancel it."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.schemas.jobs import JobOut
from app.services import jobs as job_service

blp = Blueprint("jobs", __name__, url_prefix="/api/jobs", description="Background jobs")

UNAUTHORIZED = failure("Missing or invalid access token")
NOT_FOUND = failure("No such job of yours")


@blp.route("/<uuid:job_id>")
class JobById(MethodView):
    decorators = [jwt_required()]

    @blp.response(200, JobOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.doc(**BEARER)
    def get(self, job_id: Any) -> Any:
        """Status of one of your jobs, with its result or error once it ended."""
        job = job_service.get_job(owner_id=current_user_id(), job_id=str(job_id))
        return job_service.describe(job)

    @blp.response(200, JobOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **NOT_FOUND)
    @blp.alt_response(409, **failure("The job already ended"))
    @blp.doc(**BEARER)
    def delete(self, job_id: Any) -> Any:
        """Cancel one of your queued or running jobs; nothing it would have saved is saved."""
        job = job_service.cancel_job(owner_id=current_user_id(), job_id=str(job_id))
        return job_service.describe(job)
