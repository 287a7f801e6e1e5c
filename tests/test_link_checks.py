"""A shared event notices a vanished host within seconds, not hours."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from smartdialog.core.db import PG_LINK_CHECKS, Database, make_engine, open_database
from smartdialog.ui import feed as feed_module
from smartdialog.ui import ops
from smartdialog.ui.feed import ChangeFeed
from tests.conftest import TEST_DEVICE
from tests.tcpproxy import TcpProxy


def _libpq_options(url: str) -> dict[str, str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            raw: Any = conn.connection.dbapi_connection
            return {
                o.keyword.decode(): (o.val or b"").decode()
                for o in raw.pgconn.info
                if o.keyword.decode() in PG_LINK_CHECKS
            }
    finally:
        engine.dispose()


def test_connections_to_a_shared_event_probe_the_link(pg_url: str) -> None:
    assert _libpq_options(pg_url) == {k: str(v) for k, v in PG_LINK_CHECKS.items()}


def test_a_setting_in_the_url_is_kept(pg_url: str) -> None:
    url = make_url(pg_url).update_query_dict({"keepalives_idle": "30"})
    options = _libpq_options(url.render_as_string(hide_password=False))
    assert options["keepalives_idle"] == "30"
    assert options["tcp_user_timeout"] == str(PG_LINK_CHECKS["tcp_user_timeout"])


def test_a_host_that_answers_nothing_is_reported_lost_and_found_again(
    qtbot: QtBot, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A firewall dropping packets gives no error at all: the feed's silence tells."""
    monkeypatch.setattr(feed_module, "SILENCE_MS", 1500)
    parsed = make_url(pg_url)
    assert parsed.port is not None
    with TcpProxy(parsed.port) as proxy:
        db: Database = open_database(
            parsed.set(port=proxy.port).render_as_string(hide_password=False), TEST_DEVICE
        )
        feed = ChangeFeed()
        try:
            with qtbot.waitSignal(feed.following, timeout=10_000):
                feed.set_database(db)
            proxy.cut(silent=True)
            with qtbot.waitSignal(feed.connection_lost, timeout=15_000) as lost:
                feed.poll()
            assert "nicht geantwortet" in lost.args[0]
            proxy.restore()
            with qtbot.waitSignal(feed.connection_restored, timeout=15_000):
                pass
        finally:
            feed.set_database(None)
            proxy.restore()
            # The abandoned poll's answer comes in once the link is back: let it, so
            # that its connection goes back to the pool before the pool is closed.
            ops.reader_pool().waitForDone(15_000)
            db.close()
