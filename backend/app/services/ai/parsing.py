"""Defensive parsing of a model's answer into clean planned tasks."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields

from .base import MAX_TITLE_LENGTH, AIInvalidOutput, PlannedTask

MAX_ESTIMATE_MINUTES = 1440
_FENCE = re.compile(r"```[A-Za-z]*[ \t]*\n?(.*?)```", re.DOTALL)
_LIST_MARKER = re.compile(r"^(?:[-*•]+|\d{1,2}[.)])\s+")
_MAX_JSON_CANDIDATES = 50
INVALID_OUTPUT_MESSAGE = "AI provider returned an invalid plan"


class PlannedTaskSchema(Schema):
    """One task as a model writes it; other keys are ignored."""

    class Meta:
        unknown = EXCLUDE

    title = fields.String(required=True)
    estimate_minutes = fields.Raw(load_default=None, allow_none=True)


class PlanPayloadSchema(Schema):
    """The object form of an answer: {"tasks": [...]}."""

    class Meta:
        unknown = EXCLUDE

    tasks = fields.List(fields.Raw(), required=True)


def parse_plan(content: str, *, max_tasks: int) -> list[PlannedTask]:
    """Turn a model's text into at most max_tasks distinct tasks, or raise AIInvalidOutput.

    Accepts {"tasks": [...]} or a bare list, inside code fences or surrounded by prose. Items may
    be objects with title/estimate_minutes or plain strings. Empty and duplicate (case-insensitive)
    titles are dropped, titles clamped to 160 characters, estimates to 1..1440 minutes or None.
    """
    items = _task_items(extract_json(content))
    tasks: list[PlannedTask] = []
    seen: set[str] = set()
    for item in items:
        task = _clean_task(item)
        if task is None or task.title.casefold() in seen:
            continue
        seen.add(task.title.casefold())
        tasks.append(task)
        if len(tasks) == max_tasks:
            break
    if not tasks:
        raise AIInvalidOutput(INVALID_OUTPUT_MESSAGE)
    return tasks


def extract_json(content: str) -> Any:
    """The first JSON object or array in the text (code fences and prose around it ignored)."""
    texts = [match.group(1) for match in _FENCE.finditer(content)] + [content]
    decoder = json.JSONDecoder()
    for text in texts:
        text = text.strip()
        try:
            value = json.loads(text)
        except ValueError:
            pass
        else:
            if _task_items_or_none(value) is not None:
                return value
        starts = [i for i, char in enumerate(text) if char in "{["][:_MAX_JSON_CANDIDATES]
        for start in starts:
            try:
                value, _ = decoder.raw_decode(text, start)
            except ValueError:
                continue
            if _task_items_or_none(value) is not None:
                return value
    raise AIInvalidOutput(INVALID_OUTPUT_MESSAGE)


def _task_items(payload: Any) -> list[Any]:
    items = _task_items_or_none(payload)
    if items is None:
        raise AIInvalidOutput(INVALID_OUTPUT_MESSAGE)
    return items


def _task_items_or_none(payload: Any) -> list[Any] | None:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        try:
            return PlanPayloadSchema().load(payload)["tasks"]
        except ValidationError:
            return None
    return None


def _clean_task(item: Any) -> PlannedTask | None:
    if isinstance(item, str):
        item = {"title": item}
    if not isinstance(item, dict):
        return None
    try:
        data = PlannedTaskSchema().load(item)
    except ValidationError:
        return None
    title = clean_title(data["title"])
    if not title:
        return None
    return PlannedTask(title=title, estimate_minutes=clamp_estimate(data["estimate_minutes"]))


def clean_title(title: str) -> str:
    """One line, no list marker or wrapping quotes, at most 160 characters."""
    text = " ".join(title.split())
    text = _LIST_MARKER.sub("", text).strip().strip("\"'“”").strip()
    return text[:MAX_TITLE_LENGTH].rstrip()


def clamp_estimate(value: Any) -> int | None:
    """Minutes as an int in 1..1440; None for missing, non-numeric or non-positive values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if not isinstance(value, int | float) or not math.isfinite(value):
        return None
    minutes = round(value)
    if minutes < 1:
        return None
    return min(minutes, MAX_ESTIMATE_MINUTES)
