"""jobs: mail_deliveries records each mail a background job delivered

Revision ID: 0005
Revises: 0002_subtasks_estimates
Create Date: 2026-12-01 13:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0002_subtasks_estimates'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'mail_deliveries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('recipient', sa.String(length=320), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('job_id', sa.String(length=64), nullable=True),
        sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_deliveries')),
        sa.UniqueConstraint('key', name=op.f('uq_mail_deliveries_key')),
    )
    with op.batch_alter_table('mail_deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_deliveries_delivered_at'), ['delivered_at'], unique=False)


def downgrade():
    with op.batch_alter_table('mail_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_deliveries_delivered_at'))
    op.drop_table('mail_deliveries')
