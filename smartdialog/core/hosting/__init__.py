"""Hosting an event on one laptop for the others: a PostgreSQL server of our own.

- ``server``: finds the PostgreSQL programs and runs initdb/pg_ctl on a data folder.
- ``transfer``: copies an event between a SQLite file and a database server, verified.
- ``joincode``: the short code (and QR) that tells another laptop where and how to join.
- ``announce``: tells the local network about a hosted event (mDNS) and finds others.
- ``session``: the whole job, from an open event file to a running, announced server and back.
"""
