"""A logged ERROR fails the test that logged it, unless the test says it expects one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_logged_error_fails_the_test_unless_it_is_expected(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import (  # noqa: F401\n"
        "    _fail_on_error_log, pytest_configure, pytest_unconfigure\n)\n",
        encoding="utf-8",
    )
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nmarkers =\n    expect_error_log: expected\n", encoding="utf-8"
    )
    (tmp_path / "test_logs.py").write_text(
        textwrap.dedent(
            """
            import logging

            import pytest

            def test_an_error_of_ours():
                logging.getLogger("smartdialog.desk").error("printer on fire")

            @pytest.fixture
            def noisy_setup():
                logging.getLogger("smartdialog").error("never mind")

            def test_an_error_while_setting_up(noisy_setup):
                pass

            def test_a_warning_of_ours():
                logging.getLogger("smartdialog.desk").warning("paper low")

            def test_an_error_of_somebody_else():
                logging.getLogger("psycopg").error("not ours")

            @pytest.mark.expect_error_log
            def test_an_expected_error():
                logging.getLogger("smartdialog.wall").error("provider failed")
            """
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    # A failing teardown is reported as an error of a test that otherwise passed.
    assert "5 passed, 2 errors" in run.stdout, run.stdout + run.stderr
    assert "ERROR smartdialog.desk: printer on fire" in run.stdout
    assert "ERROR smartdialog: never mind" in run.stdout
    for quiet in ("paper low", "not ours", "provider failed"):
        assert quiet not in run.stdout
