"""search index: pg_trgm GIN indexes on tasks.title and tasks.description (PostgreSQL)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 17:00:00

``q=`` searches with ``ILIKE '%…%'``, which no B-tree can serve: without these indexes a
search reads every task of the user. Trigram GIN indexes answer it for any substring of 3
characters or more, in either language, with the same matching rules as today (full-text
search would change them: stems, stop words, no infixes). SQLite has no pg_trgm: nothing
changes there. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner can
create it. The downgrade drops the indexes and leaves the extension, which others may use.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Also listed in app.models.task.SEARCH_INDEXES, so autogenerate leaves them alone.
INDEXES = {"ix_tasks_title_trgm": "title", "ix_tasks_description_trgm": "description"}


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        op.create_index(
            name,
            "tasks",
            [column],
            postgresql_using="gin",
            postgresql_ops={column: "gin_trgm_ops"},
        )


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.drop_index(name, table_name="tasks")
