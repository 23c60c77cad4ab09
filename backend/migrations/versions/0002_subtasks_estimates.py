"""subtasks and estimates: tasks.parent_id and tasks.estimate_minutes

Revision ID: 0002_subtasks_estimates
Revises: 0001_initial
Create Date: 2026-11-21 23:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_subtasks_estimates'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('estimate_minutes', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_tasks_parent_id_tasks'), 'tasks', ['parent_id'], ['id'], ondelete='CASCADE'
        )
        batch_op.create_index(batch_op.f('ix_tasks_parent_id'), ['parent_id'], unique=False)


def downgrade():
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_parent_id'))
        batch_op.drop_constraint(batch_op.f('fk_tasks_parent_id_tasks'), type_='foreignkey')
        batch_op.drop_column('estimate_minutes')
        batch_op.drop_column('parent_id')
