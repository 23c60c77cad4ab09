"""The CSV side of import: the documented header, one checked row at a time.

Header (any order, ``title`` required): title, description, due_date (YYYY-MM-DD),
due_time (HH:MM), project (a name), labels (names separated by spaces or commas),
priority (1 highest … 4 none, default 4), done (true/false, yes/no, sim/não, 1/0),
recurrence (an RRULE). Errors are reported per line of the file.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from marshmallow import Schema, ValidationError, fields, pre_load
from marshmallow.validate import Length, Range

from app.domain.limits import TITLE_MAX_LENGTH
from app.schemas.fields import Text
from app.schemas.labels import LabelName
from app.schemas.time_fields import LocalTime, RRule
from app.services.export import CSV_COLUMNS, FORMULA_STARTS
from app.services.importing.plan import ImportRejected

TRUE = {"true", "yes", "y", "1", "x", "sim", "s", "verdadeiro"}
FALSE = {"false", "no", "n", "0", "", "não", "nao", "falso"}


class CsvRow(Schema):
    title = Text(required=True, max_length=TITLE_MAX_LENGTH)
    description = Text(allow_none=True, min_length=0, max_length=2000)
    due_date = fields.Date(allow_none=True)
    due_time = LocalTime(allow_none=True)
    project = Text(allow_none=True, max_length=80)
    labels = fields.List(LabelName(), load_default=list, validate=Length(max=20))
    priority = fields.Integer(load_default=4, validate=Range(min=1, max=4))
    done = fields.Boolean(load_default=False, truthy=TRUE, falsy=FALSE)
    recurrence = RRule(allow_none=True)

    @pre_load
    def _cells(self, row: dict[str, str], **_kwargs: Any) -> dict[str, Any]:
        cells: dict[str, Any] = {}
        for name, value in row.items():
            if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
                value = value[1:]  # the export's guard against spreadsheet formulas
            if name == "labels":
                cells[name] = [n for n in re.split(r"[\s,]+", value) if n]
            elif name == "done":
                cells[name] = value.strip().lower()
            elif value.strip() or name == "title":
                cells[name] = value
        return cells


def _header(fieldnames: list[str] | None) -> list[str]:
    if not fieldnames:
        raise ImportRejected(
            f"The CSV file is empty; its first line is the header: {', '.join(CSV_COLUMNS)}."
        )
    names = [name.strip().lower() for name in fieldnames]
    unknown = [name for name in names if name not in CSV_COLUMNS]
    if unknown or "title" not in names or len(set(names)) != len(names):
        raise ImportRejected(
            f"The CSV header must name each column once, title included, among: {', '.join(CSV_COLUMNS)}"
            + (f" (unknown: {', '.join(unknown)})." if unknown else ".")
        )
    return names


def read_csv(text: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, list[str]]]]:
    """The tasks of a CSV file and, per line number, the reasons its rows were rejected."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        names = _header(next(reader, None))
        tasks, rejected = [], {}
        for cells in reader:
            line = str(reader.line_num)
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                rejected[line] = {
                    "_row": [f"Has {len(cells)} fields; the header has {len(names)}."]
                }
                continue
            try:
                tasks.append(CsvRow().load(dict(zip(names, cells, strict=True))))
            except ValidationError as error:
                rejected[line] = error.normalized_messages()
    except csv.Error as error:
        raise ImportRejected(f"The CSV file cannot be read: {error}.") from None
    return tasks, rejected
