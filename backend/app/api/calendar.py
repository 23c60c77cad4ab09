"""The calendar feed: a secret iCalendar address for the caller's dated tasks."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Response, current_app, url_for
from flask.views import MethodView
from flask_jwt_extended import jwt_required

from app.api.deps import BEARER, current_user_id, failure
from app.core.api import Blueprint
from app.models import CalendarFeed
from app.schemas.calendar import CalendarFeedOut
from app.services import calendar_feeds

blp = Blueprint(
    "calendar", __name__, url_prefix="/api/calendar", description="Calendar feed (iCalendar)"
)

UNAUTHORIZED = failure("Missing or invalid access token")


def _out(feed: CalendarFeed) -> dict[str, Any]:
    url = url_for("calendar.feed", token=feed.token, _external=True)
    return {"url": url, "token": feed.token, "created_at": feed.created_at}


@blp.route("/feed")
class Feed(MethodView):
    decorators = [jwt_required()]

    @blp.response(200, CalendarFeedOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **failure("No feed yet"))
    @blp.doc(**BEARER)
    def get(self) -> Any:
        """Your calendar feed's address, to copy into a calendar app."""
        return _out(calendar_feeds.get_feed(owner_id=current_user_id()))

    @blp.response(201, CalendarFeedOut)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.doc(**BEARER)
    def post(self) -> Any:
        """Create your feed address, or regenerate it: the previous address stops working."""
        return _out(calendar_feeds.regenerate(owner_id=current_user_id()))

    @blp.response(204)
    @blp.alt_response(401, **UNAUTHORIZED)
    @blp.alt_response(404, **failure("No feed yet"))
    @blp.doc(**BEARER)
    def delete(self) -> Response:
        """Turn the feed off: its address stops working."""
        calendar_feeds.remove(owner_id=current_user_id())
        return Response(status=204)


@blp.route("/<string(length=43):token>.ics", endpoint="feed")
@blp.response(200, description="An iCalendar (RFC 5545) document", content_type="text/calendar")
@blp.alt_response(404, **failure("Unknown or regenerated feed address"))
def feed(token: str) -> Response:
    """The feed itself: open tasks with a due date. The token in the address is the only key."""
    # Event UIDs name the public host, so they stay the same whichever address was polled.
    host = urlsplit(current_app.config["PUBLIC_URL"]).hostname or "tarefa.local"
    body = calendar_feeds.render(token=token, host=host)
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'inline; filename="tarefa.ics"'
    response.headers["Cache-Control"] = "private, max-age=300"
    return response
