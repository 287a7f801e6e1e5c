"""a participant's academic title ("Dr.", "Prof. Dr. med.")

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 11:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Printed before the name on badges and in the desk's lists, never in the minutes;
    # people imported before this revision keep their title inside the first name.
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('title', sa.String(length=60), server_default='', nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_column('title')
