"""Modules that declare jobs; the worker imports them so periodic jobs get registered."""

from __future__ import annotations

import importlib

JOB_MODULES = (
    "app.jobs.mail",
    "app.jobs.accounts",
    "app.jobs.planning",
    "app.jobs.upkeep",
    "app.jobs.reminders",
)


def load_job_modules() -> None:
    for module in JOB_MODULES:
        importlib.import_module(module)
