"""The test network itself: the proxy delays, cuts and restores a real PostgreSQL link."""

from __future__ import annotations

import time

import psycopg
import pytest

from tests.tcpproxy import TcpProxy


def _select_one(port: int) -> int:
    with psycopg.connect(
        host="127.0.0.1", port=port, dbname="test", user="postgres", connect_timeout=3
    ) as conn:
        row = conn.execute("select 1").fetchone()
        assert row is not None
        return int(row[0])


def test_the_proxy_forwards_delays_cuts_and_restores() -> None:
    with TcpProxy(5432) as proxy:
        assert _select_one(proxy.port) == 1

        proxy.delay = 0.05
        started = time.monotonic()
        assert _select_one(proxy.port) == 1
        # Connecting and one query are several round trips: each costs two delays at least.
        assert time.monotonic() - started >= 0.2
        proxy.delay = 0.0

        with psycopg.connect(
            host="127.0.0.1", port=proxy.port, dbname="test", user="postgres"
        ) as conn:
            proxy.cut()
            with pytest.raises(psycopg.OperationalError):
                conn.execute("select 1")
        with pytest.raises(psycopg.OperationalError):
            _select_one(proxy.port)

        proxy.restore()
        assert _select_one(proxy.port) == 1


def test_a_silent_cut_answers_nothing_until_restored() -> None:
    with TcpProxy(5432) as proxy:
        proxy.cut(silent=True)
        with pytest.raises(psycopg.OperationalError, match="timeout"):
            psycopg.connect(
                host="127.0.0.1", port=proxy.port, dbname="test", user="postgres", connect_timeout=1
            )
        proxy.restore()
        assert _select_one(proxy.port) == 1
