"""organise: projects, labels, task priority/position/completed_at, user timezone

Revision ID: 0004
Revises: 0002_subtasks_estimates
Create Date: 2026-12-01 13:45:00

Existing tasks keep every value; they land in the Inbox with no priority, in the order they
were created (per parent), and done tasks get completed_at = their last update.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0002_subtasks_estimates'
branch_labels = None
depends_on = None

POSITION_GAP = 65536


def upgrade():
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('name_key', sa.String(length=320), nullable=False),
    sa.Column('color', sa.String(length=16), server_default='blue', nullable=False),
    sa.Column('position', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('archived', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_projects_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('user_id', 'name_key', name='uq_projects_user_name_key')
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index('ix_projects_user_position', ['user_id', 'position'], unique=False)

    op.create_table('labels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_key', sa.String(length=160), nullable=False),
    sa.Column('color', sa.String(length=16), server_default='grey', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_labels_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labels')),
    sa.UniqueConstraint('user_id', 'name_key', name='uq_labels_user_name_key')
    )

    op.create_table('task_labels',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('label_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['label_id'], ['labels.id'], name=op.f('fk_task_labels_label_id_labels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_labels_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'label_id', name=op.f('pk_task_labels'))
    )
    with op.batch_alter_table('task_labels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_labels_label_id'), ['label_id'], unique=False)

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('project_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('priority', sa.SmallInteger(), server_default='4', nullable=False))
        batch_op.add_column(sa.Column('position', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_tasks_project_id_projects'), 'projects', ['project_id'], ['id'], ondelete='SET NULL'
        )
        batch_op.create_index(batch_op.f('ix_tasks_project_id'), ['project_id'], unique=False)
        batch_op.create_index('ix_tasks_user_project_position', ['user_id', 'project_id', 'position'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='UTC', nullable=False))

    # Manual order starts as creation order, per owner and parent, with room between rows.
    op.execute(
        sa.text(
            "UPDATE tasks SET position = (SELECT ranked.n * :gap FROM ("
            " SELECT id, ROW_NUMBER() OVER ("
            "  PARTITION BY user_id, parent_id ORDER BY created_at, id) AS n FROM tasks"
            ") AS ranked WHERE ranked.id = tasks.id)"
        ).bindparams(gap=POSITION_GAP)
    )
    op.execute("UPDATE tasks SET completed_at = updated_at WHERE done")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('timezone')

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_tasks_user_project_position')
        batch_op.drop_index(batch_op.f('ix_tasks_project_id'))
        batch_op.drop_constraint(batch_op.f('fk_tasks_project_id_projects'), type_='foreignkey')
        batch_op.drop_column('completed_at')
        batch_op.drop_column('position')
        batch_op.drop_column('priority')
        batch_op.drop_column('project_id')

    with op.batch_alter_table('task_labels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_labels_label_id'))

    op.drop_table('task_labels')
    op.drop_table('labels')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index('ix_projects_user_position')

    op.drop_table('projects')
