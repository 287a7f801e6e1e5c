"""Services: everything a user can do, as plain functions over a session.

They take a SQLAlchemy session (from ``Database.uow()``), return plain
dataclasses, record what they did in the audit log and raise
``DomainError`` with a message a clerk understands.
"""
