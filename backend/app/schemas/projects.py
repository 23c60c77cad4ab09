from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import OneOf, Range

from app.domain.limits import MAX_ID
from app.models.project import COLORS
from app.schemas.fields import StrictBoolean, Text

Color = OneOf(COLORS)


class ProjectOut(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    color = fields.String(required=True, metadata={"enum": list(COLORS)})
    position = fields.Integer(required=True)
    archived = fields.Boolean(required=True)
    created_at = fields.DateTime(required=True)
    open_count = fields.Integer(required=True)
    done_count = fields.Integer(required=True)


class ProjectUpdate(Schema):
    name = Text(max_length=80)
    color = fields.String(validate=Color)
    archived = StrictBoolean()


class ProjectCreate(ProjectUpdate):
    name = Text(required=True, max_length=80)
    color = fields.String(load_default="blue", validate=Color)
    archived = StrictBoolean(load_default=False)


class ProjectListArgs(Schema):
    archived = fields.Boolean(
        load_default=False, metadata={"description": "true: only archived projects"}
    )


class ProjectDeleteArgs(Schema):
    tasks = fields.String(
        load_default="inbox",
        validate=OneOf(["inbox", "delete"]),
        metadata={
            "description": "inbox: move the project's tasks to the Inbox; delete: delete them"
        },
    )


class MoveIn(Schema):
    """before_id, after_id, both (the two neighbours to drop between) or neither (the end)."""

    before_id = fields.Integer(
        validate=Range(min=1, max=MAX_ID), metadata={"description": "Put it right before this one"}
    )
    after_id = fields.Integer(
        validate=Range(min=1, max=MAX_ID), metadata={"description": "Put it right after this one"}
    )
