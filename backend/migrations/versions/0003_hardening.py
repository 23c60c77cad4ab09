"""hardening: users.is_active, users.tokens_valid_after; SQLite ids never reused

Revision ID: 0003
Revises: 0002_subtasks_estimates
Create Date: 2026-12-01 13:50:00

On SQLite the tables with integer ids are rebuilt with AUTOINCREMENT, so the id of a
deleted user (or task) is never handed to a new one. env.py turns foreign keys off for
the migration, so rebuilding ``users`` does not cascade into its tasks; every row is kept.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002_subtasks_estimates'
branch_labels = None
depends_on = None

AUTOINCREMENT_TABLES = ('users', 'tasks', 'password_reset_tokens')


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('is_active', sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.add_column(
            sa.Column('tokens_valid_after', sa.DateTime(timezone=True), nullable=True)
        )
    if op.get_bind().dialect.name == 'sqlite':
        for table in AUTOINCREMENT_TABLES:
            with op.batch_alter_table(
                table, recreate='always', table_kwargs={'sqlite_autoincrement': True}
            ):
                pass


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        for table in AUTOINCREMENT_TABLES:
            with op.batch_alter_table(
                table, recreate='always', table_kwargs={'sqlite_autoincrement': False}
            ):
                pass
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('tokens_valid_after')
        batch_op.drop_column('is_active')
