"""roles with PINs, a chained audit log, budgets without foreign keys, secret ballots

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 11:30:00

- events: a PIN hash per role (Empfang, Moderation, Verwaltung).
- audit_log: each entry carries the hash of the one before and its own, so
  that an edited line breaks every later one.  Existing entries are chained.
- ballots, dots: no foreign key from the voter to the participant any more:
  when a round closes, the voter's id is replaced by the ballot's own random
  id, so that nobody can tell who voted for what.  Ballots of rounds closed
  before this version are unlinked here.  Triggers keep what the foreign key
  gave while a round is open (a ballot belongs to a participant; deleting a
  participant deletes their open ballots).
- triggers on dots, voting_rounds and round_fields hold the dot budget even
  on a connection that switched foreign keys off (the sqlite3 shell's default).

Self-contained on purpose: the canonical form of an audit entry is written
out here as it was when this revision was made.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import smartdialog.core.models

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_GENESIS = "0" * 64


def _canonical(prev: str, entry_id: uuid.UUID, at: datetime, device_id: uuid.UUID, role: str,
               action: str, object_type: str, object_id: uuid.UUID | None, summary: str) -> bytes:
    when = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields = (prev, entry_id.hex, when, device_id.hex, role, action, object_type,
              object_id.hex if object_id else "", summary)
    return "\x1f".join(fields).encode("utf-8")


def _chain_existing(conn: sa.Connection) -> None:
    audit = sa.table(
        'audit_log',
        sa.column('seq', sa.Integer), sa.column('id', sa.Uuid),
        sa.column('at', smartdialog.core.models.UTCDateTime()), sa.column('device_id', sa.Uuid),
        sa.column('role', sa.String), sa.column('action', sa.String),
        sa.column('object_type', sa.String), sa.column('object_id', sa.Uuid),
        sa.column('summary', sa.Text), sa.column('prev_hash', sa.String),
        sa.column('entry_hash', sa.String),
    )
    prev = _GENESIS
    updates = []
    for row in conn.execute(sa.select(audit).order_by(audit.c.seq)):
        digest = hashlib.sha256(_canonical(
            prev, row.id, row.at, row.device_id, row.role, row.action, row.object_type,
            row.object_id, row.summary)).hexdigest()
        updates.append({"s": row.seq, "p": prev, "h": digest})
        prev = digest
    if updates:
        conn.execute(
            sa.update(audit).where(audit.c.seq == sa.bindparam("s"))
            .values(prev_hash=sa.bindparam("p"), entry_hash=sa.bindparam("h")),
            updates,
        )


def _unlink_closed_rounds(conn: sa.Connection) -> None:
    """Ballots of closed rounds keep their ids (the stored tally hash names them) but no voter."""
    closed = "SELECT id FROM voting_rounds WHERE status = 'closed'"
    conn.exec_driver_sql(
        "UPDATE dots SET participant_id = (SELECT b.id FROM ballots b "
        "WHERE b.round_id = dots.round_id AND b.participant_id = dots.participant_id) "
        f"WHERE round_id IN ({closed})"
    )
    conn.exec_driver_sql(
        "UPDATE ballots SET participant_id = id, submitted_at = NULL, station = '', revision = 1 "
        f"WHERE round_id IN ({closed})"
    )
    conn.exec_driver_sql(
        "UPDATE ballots SET created_at = (SELECT r.closed_at FROM voting_rounds r "
        "WHERE r.id = ballots.round_id) "
        f"WHERE round_id IN ({closed}) AND "
        "(SELECT r.closed_at FROM voting_rounds r WHERE r.id = ballots.round_id) IS NOT NULL"
    )
    conn.exec_driver_sql(
        "UPDATE dots SET created_at = (SELECT r.closed_at FROM voting_rounds r "
        "WHERE r.id = dots.round_id) "
        f"WHERE round_id IN ({closed}) AND "
        "(SELECT r.closed_at FROM voting_rounds r WHERE r.id = dots.round_id) IS NOT NULL"
    )


# -- triggers ------------------------------------------------------------------------

_SQLITE_TRIGGERS = (
    """
    CREATE TRIGGER trg_dots_budget_insert BEFORE INSERT ON dots
    WHEN NEW.budget IS NOT (SELECT dots_per_participant FROM voting_rounds WHERE id = NEW.round_id)
      OR NEW.idea_cap IS NOT (SELECT max_dots_per_idea FROM voting_rounds WHERE id = NEW.round_id)
      OR NEW.field_cap IS NOT (SELECT cap FROM round_fields
                               WHERE round_id = NEW.round_id AND field_id = NEW.field_id)
    BEGIN SELECT RAISE(ABORT, 'dot_budget: a dot outside its round''s budget'); END
    """,
    """
    CREATE TRIGGER trg_dots_budget_update
    BEFORE UPDATE OF round_id, field_id, slot, budget, idea_slot, idea_cap, field_slot, field_cap
    ON dots
    WHEN NEW.budget IS NOT (SELECT dots_per_participant FROM voting_rounds WHERE id = NEW.round_id)
      OR NEW.idea_cap IS NOT (SELECT max_dots_per_idea FROM voting_rounds WHERE id = NEW.round_id)
      OR NEW.field_cap IS NOT (SELECT cap FROM round_fields
                               WHERE round_id = NEW.round_id AND field_id = NEW.field_id)
    BEGIN SELECT RAISE(ABORT, 'dot_budget: a dot outside its round''s budget'); END
    """,
    """
    CREATE TRIGGER trg_voting_rounds_rules_fixed
    BEFORE UPDATE OF id, dots_per_participant, max_dots_per_idea ON voting_rounds
    WHEN (NEW.id IS NOT OLD.id OR NEW.dots_per_participant IS NOT OLD.dots_per_participant
          OR NEW.max_dots_per_idea IS NOT OLD.max_dots_per_idea)
      AND EXISTS (SELECT 1 FROM dots WHERE round_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'dot_budget: the rules of a round with dots are fixed'); END
    """,
    """
    CREATE TRIGGER trg_round_fields_cap_fixed
    BEFORE UPDATE OF round_id, field_id, cap ON round_fields
    WHEN (NEW.cap IS NOT OLD.cap OR NEW.round_id IS NOT OLD.round_id
          OR NEW.field_id IS NOT OLD.field_id)
      AND EXISTS (SELECT 1 FROM dots WHERE round_id = OLD.round_id AND field_id = OLD.field_id)
    BEGIN SELECT RAISE(ABORT, 'dot_budget: the budget of a field with dots is fixed'); END
    """,
    """
    CREATE TRIGGER trg_ballots_voter_exists BEFORE INSERT ON ballots
    WHEN NOT EXISTS (SELECT 1 FROM participants WHERE id = NEW.participant_id)
      AND (SELECT status FROM voting_rounds WHERE id = NEW.round_id) IS NOT 'closed'
    BEGIN SELECT RAISE(ABORT, 'ballot_voter: a ballot of an open round needs its voter'); END
    """,
    """
    CREATE TRIGGER trg_participants_ballots_gone AFTER DELETE ON participants
    BEGIN
      DELETE FROM dots WHERE participant_id = OLD.id;
      DELETE FROM ballots WHERE participant_id = OLD.id;
    END
    """,
)

_PG_TRIGGERS = (
    """
    CREATE FUNCTION trg_dots_budget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.budget IS DISTINCT FROM
           (SELECT dots_per_participant FROM voting_rounds WHERE id = NEW.round_id)
         OR NEW.idea_cap IS DISTINCT FROM
           (SELECT max_dots_per_idea FROM voting_rounds WHERE id = NEW.round_id)
         OR NEW.field_cap IS DISTINCT FROM
           (SELECT cap FROM round_fields WHERE round_id = NEW.round_id AND field_id = NEW.field_id)
      THEN
        RAISE EXCEPTION 'dot_budget: a dot outside its round''s budget'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER trg_dots_budget BEFORE INSERT OR UPDATE OF
      round_id, field_id, slot, budget, idea_slot, idea_cap, field_slot, field_cap
    ON dots FOR EACH ROW EXECUTE FUNCTION trg_dots_budget()
    """,
    """
    CREATE FUNCTION trg_voting_rounds_rules_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (NEW.id IS DISTINCT FROM OLD.id
          OR NEW.dots_per_participant IS DISTINCT FROM OLD.dots_per_participant
          OR NEW.max_dots_per_idea IS DISTINCT FROM OLD.max_dots_per_idea)
         AND EXISTS (SELECT 1 FROM dots WHERE round_id = OLD.id)
      THEN
        RAISE EXCEPTION 'dot_budget: the rules of a round with dots are fixed'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER trg_voting_rounds_rules_fixed BEFORE UPDATE ON voting_rounds
    FOR EACH ROW EXECUTE FUNCTION trg_voting_rounds_rules_fixed()
    """,
    """
    CREATE FUNCTION trg_round_fields_cap_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (NEW.cap IS DISTINCT FROM OLD.cap OR NEW.round_id IS DISTINCT FROM OLD.round_id
          OR NEW.field_id IS DISTINCT FROM OLD.field_id)
         AND EXISTS (SELECT 1 FROM dots WHERE round_id = OLD.round_id AND field_id = OLD.field_id)
      THEN
        RAISE EXCEPTION 'dot_budget: the budget of a field with dots is fixed'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER trg_round_fields_cap_fixed BEFORE UPDATE ON round_fields
    FOR EACH ROW EXECUTE FUNCTION trg_round_fields_cap_fixed()
    """,
    """
    CREATE FUNCTION trg_ballots_voter_exists() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM participants WHERE id = NEW.participant_id)
         AND (SELECT status FROM voting_rounds WHERE id = NEW.round_id) IS DISTINCT FROM 'closed'
      THEN
        RAISE EXCEPTION 'ballot_voter: a ballot of an open round needs its voter'
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER trg_ballots_voter_exists BEFORE INSERT ON ballots
    FOR EACH ROW EXECUTE FUNCTION trg_ballots_voter_exists()
    """,
    """
    CREATE FUNCTION trg_participants_ballots_gone() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM dots WHERE participant_id = OLD.id;
      DELETE FROM ballots WHERE participant_id = OLD.id;
      RETURN OLD;
    END $$
    """,
    """
    CREATE TRIGGER trg_participants_ballots_gone AFTER DELETE ON participants
    FOR EACH ROW EXECUTE FUNCTION trg_participants_ballots_gone()
    """,
)

_PG_DROP = (
    "DROP TRIGGER IF EXISTS trg_participants_ballots_gone ON participants",
    "DROP TRIGGER IF EXISTS trg_ballots_voter_exists ON ballots",
    "DROP TRIGGER IF EXISTS trg_round_fields_cap_fixed ON round_fields",
    "DROP TRIGGER IF EXISTS trg_voting_rounds_rules_fixed ON voting_rounds",
    "DROP TRIGGER IF EXISTS trg_dots_budget ON dots",
    "DROP FUNCTION IF EXISTS trg_participants_ballots_gone()",
    "DROP FUNCTION IF EXISTS trg_ballots_voter_exists()",
    "DROP FUNCTION IF EXISTS trg_round_fields_cap_fixed()",
    "DROP FUNCTION IF EXISTS trg_voting_rounds_rules_fixed()",
    "DROP FUNCTION IF EXISTS trg_dots_budget()",
)

_SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS trg_participants_ballots_gone",
    "DROP TRIGGER IF EXISTS trg_ballots_voter_exists",
    "DROP TRIGGER IF EXISTS trg_round_fields_cap_fixed",
    "DROP TRIGGER IF EXISTS trg_voting_rounds_rules_fixed",
    "DROP TRIGGER IF EXISTS trg_dots_budget_update",
    "DROP TRIGGER IF EXISTS trg_dots_budget_insert",
)


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table('events', schema=None) as batch_op:
        for role in ('desk', 'moderation', 'office'):
            batch_op.add_column(
                sa.Column(f'{role}_pin_hash', sa.String(length=200), server_default='', nullable=False)
            )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('entry_hash', sa.String(length=64), server_default='', nullable=False))
    _chain_existing(conn)

    # On SQLite, db.upgrade runs migrations with foreign keys off, so that copying
    # ballots (batch mode) does not cascade into their dots.
    with op.batch_alter_table('dots', schema=None) as batch_op:
        batch_op.drop_constraint('fk_dots_participant_id_participants', type_='foreignkey')
    with op.batch_alter_table('ballots', schema=None) as batch_op:
        batch_op.drop_constraint('fk_ballots_participant_id_participants', type_='foreignkey')
    _unlink_closed_rounds(conn)
    for statement in _PG_TRIGGERS if conn.dialect.name == 'postgresql' else _SQLITE_TRIGGERS:
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in _PG_DROP if conn.dialect.name == 'postgresql' else _SQLITE_DROP:
        conn.exec_driver_sql(statement)
    # Ballots of closed rounds have no voter any more: they cannot be linked again.
    conn.exec_driver_sql(
        "DELETE FROM dots WHERE participant_id NOT IN (SELECT id FROM participants)"
    )
    conn.exec_driver_sql(
        "DELETE FROM ballots WHERE participant_id NOT IN (SELECT id FROM participants)"
    )
    with op.batch_alter_table('ballots', schema=None) as batch_op:
        batch_op.create_foreign_key(
            'fk_ballots_participant_id_participants', 'participants', ['participant_id'], ['id'],
            ondelete='CASCADE',
        )
    with op.batch_alter_table('dots', schema=None) as batch_op:
        batch_op.create_foreign_key(
            'fk_dots_participant_id_participants', 'participants', ['participant_id'], ['id'],
            ondelete='CASCADE',
        )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('entry_hash')
        batch_op.drop_column('prev_hash')
    with op.batch_alter_table('events', schema=None) as batch_op:
        for role in ('office', 'moderation', 'desk'):
            batch_op.drop_column(f'{role}_pin_hash')
