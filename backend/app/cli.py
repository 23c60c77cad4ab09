"""Command-line tools: ``flask users create-admin``, ``flask seed-demo`` and ``flask worker``."""

from __future__ import annotations

from datetime import date, timedelta

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from app.services import auth as auth_service
from app.services import tasks as task_service
from app.services import users as user_service

DEMO_EMAIL = "demo@tarefa.local"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - a documented demo account, development only
DEMO_TASKS = (
    ("Buy groceries for the week", 0),
    ("Book the dentist appointment", 3),
    ("Review the quarterly budget", 7),
    ("Call the plumber about the kitchen sink", None),
    ("Renew the car insurance", -2),
)

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create-admin")
@click.option("--email", required=True)
@click.option("--name", default="Admin", show_default=True)
@click.password_option(help="Asked for when not given.")
def create_admin(email: str, name: str, password: str) -> None:
    """Create an admin account, or promote an existing one."""
    if len(password) < 8:
        raise click.BadParameter("must be at least 8 characters", param_hint="--password")
    user, created = user_service.ensure_admin(email=email, password=password, name=name)
    click.echo(f"{'Created' if created else 'Promoted'} admin {user.email} (id {user.id})")


@click.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Create a demo account with a few tasks (idempotent)."""
    user = auth_service.find_user_by_email(DEMO_EMAIL)
    if user is not None:
        click.echo(f"Demo account already exists: {DEMO_EMAIL}")
        return
    user = auth_service.create_user(name="Demo", email=DEMO_EMAIL, password=DEMO_PASSWORD)
    today = date.today()
    for title, due_in_days in DEMO_TASKS:
        due = today + timedelta(days=due_in_days) if due_in_days is not None else None
        task_service.create_task(owner_id=user.id, fields={"title": title, "due_date": due})
    click.echo(f"Created demo account {DEMO_EMAIL} / {DEMO_PASSWORD} with {len(DEMO_TASKS)} tasks")


@click.command("worker")
@click.option(
    "--queues", default="mail,ai,default", show_default=True, help="Comma-separated, by priority."
)
@click.option("--burst", is_flag=True, help="Exit once the queues are empty.")
@click.option(
    "--metrics-port",
    type=int,
    default=None,
    help="Serve Prometheus metrics on this port (default: WORKER_METRICS_PORT; 0 turns it off).",
)
@click.option("--name", default=None, help="Worker name (default: random).")
@with_appcontext
def worker(queues: str, burst: bool, metrics_port: int | None, name: str | None) -> None:
    """Run background jobs from Redis until SIGTERM (any number of workers may run)."""
    from app.jobs.worker import run_process_worker

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    port = app.config["WORKER_METRICS_PORT"] if metrics_port is None else metrics_port
    names = [item.strip() for item in queues.split(",") if item.strip()]
    try:
        run_process_worker(app, queue_names=names, burst=burst, metrics_port=port, name=name)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


def init_cli(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(seed_demo)
    app.cli.add_command(worker)
