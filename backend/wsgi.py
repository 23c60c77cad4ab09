"""WSGI entry point for gunicorn: ``gunicorn wsgi:app`` from backend/."""

from app import create_app

app = create_app()
