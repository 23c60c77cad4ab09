"""Account administration, for admins only."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView

from app.api.deps import BEARER, admin_required, current_user_id, failure
from app.core.api import Blueprint
from app.domain.limits import MAX_ID
from app.schemas.auth import UserOut
from app.schemas.common import PaginationArgs
from app.schemas.users import UserCreate, UserPage, UserUpdate
from app.services import accounts

blp = Blueprint("users", __name__, url_prefix="/api/users", description="Account administration")


@blp.route("")
class Users(MethodView):
    decorators = [admin_required]

    @blp.arguments(PaginationArgs, location="query")
    @blp.response(200, UserPage)
    @blp.alt_response(401, **failure("Missing or invalid access token"))
    @blp.alt_response(403, **failure("Not an admin"))
    @blp.doc(**BEARER)
    def get(self, args: dict[str, Any]) -> Any:
        """List accounts, oldest first."""
        return accounts.list_users(**args)

    @blp.arguments(UserCreate)
    @blp.response(201, UserOut)
    @blp.alt_response(401, **failure("Missing or invalid access token"))
    @blp.alt_response(403, **failure("Not an admin"))
    @blp.alt_response(409, **failure("Email already registered"))
    @blp.doc(**BEARER)
    def post(self, data: dict[str, Any]) -> Any:
        """Create an account (optionally an admin)."""
        return accounts.create_user(**data)


@blp.route(f"/<int(max={MAX_ID}):user_id>")
class UserById(MethodView):
    decorators = [admin_required]

    @blp.response(200, UserOut)
    @blp.alt_response(401, **failure("Missing or invalid access token"))
    @blp.alt_response(403, **failure("Not an admin"))
    @blp.alt_response(404, **failure("No such user"))
    @blp.doc(**BEARER)
    def get(self, user_id: int) -> Any:
        """One account."""
        return accounts.get_user(user_id)

    @blp.arguments(UserUpdate, required=False)
    @blp.response(200, UserOut)
    @blp.alt_response(401, **failure("Missing or invalid access token"))
    @blp.alt_response(403, **failure("Not an admin"))
    @blp.alt_response(404, **failure("No such user"))
    @blp.alt_response(409, **failure("Would leave no admin"))
    @blp.doc(**BEARER)
    def patch(self, data: dict[str, Any], user_id: int) -> Any:
        """Rename, grant or remove admin rights, (de)activate, or set a new password.

        A new password or deactivation ends every session of the account.
        """
        return accounts.update_user(user_id=user_id, acting_user_id=current_user_id(), **data)

    @blp.response(204)
    @blp.alt_response(401, **failure("Missing or invalid access token"))
    @blp.alt_response(403, **failure("Not an admin"))
    @blp.alt_response(404, **failure("No such user"))
    @blp.alt_response(409, **failure("Would delete yourself or the last admin"))
    @blp.doc(**BEARER)
    def delete(self, user_id: int) -> Response:
        """Delete an account and all its tasks."""
        accounts.delete_user(user_id=user_id, acting_user_id=current_user_id())
        return Response(status=204)
