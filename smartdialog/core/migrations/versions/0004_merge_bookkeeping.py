"""the bookkeeping of merged event files

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 11:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smartdialog.core.models


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('merge_cases',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('subject_id', sa.Uuid(), nullable=False),
    sa.Column('candidates', sa.Text(), nullable=False),
    sa.Column('in_effect_id', sa.Uuid(), nullable=False),
    sa.Column('decided_id', sa.Uuid(), nullable=True),
    sa.Column('decided_at', smartdialog.core.models.UTCDateTime(), nullable=True),
    sa.Column('decided_by', sa.String(length=80), nullable=False),
    sa.CheckConstraint("kind IN ('ballot', 'paper')", name=op.f('ck_merge_cases_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_cases'))
    )
    with op.batch_alter_table('merge_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merge_cases_round_id'), ['round_id'], unique=False)
    op.create_table('merge_ticket_numbers',
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('original_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_merge_ticket_numbers_participant_id_participants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', name=op.f('pk_merge_ticket_numbers'))
    )
    op.create_table('merge_audit_origins',
    sa.Column('audit_id', sa.Uuid(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('source_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('audit_id', name=op.f('pk_merge_audit_origins'))
    )
    op.create_table('merge_runs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', smartdialog.core.models.UTCDateTime(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('sources', sa.Text(), nullable=False),
    sa.Column('report_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_runs'))
    )


def downgrade() -> None:
    op.drop_table('merge_runs')
    op.drop_table('merge_audit_origins')
    op.drop_table('merge_ticket_numbers')
    with op.batch_alter_table('merge_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merge_cases_round_id'))
    op.drop_table('merge_cases')
