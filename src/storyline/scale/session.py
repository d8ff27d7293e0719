"""Starting Spark: the one place that imports pyspark, with a clear message when it is missing."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from storyline.errors import StorylineError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

INSTALL_HINT = ('pyspark is not installed; install the Spark extra with '
                '`pip install "storyline[spark]"` (and Java 17: apt-get install '
                'openjdk-17-jre-headless)')


class SparkMissingError(StorylineError):
    """PySpark (the ``spark`` extra) is not installed."""

    code = "E006"


def pyspark_available() -> bool:
    """True when pyspark can be imported."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


def start_session(master: str | None, app_name: str = "storyline") -> SparkSession:
    """Start (or join) a Spark session.

    Args:
        master: ``local[*]``, ``yarn``, ``k8s://…``, ``spark://host:7077``; ``None`` keeps
            what spark-submit or the Spark configuration set (spark-submit's default
            is ``local[*]``).
        app_name: Name shown in the Spark UI.

    Raises:
        SparkMissingError: pyspark is not installed.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkMissingError(INSTALL_HINT) from exc
    # Python workers started by this process use its interpreter (the one storyline is
    # installed in), unless the user chose one; on a cluster spark-submit's settings apply.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app_name)
               # storyline draws its own progress; Spark's bar would interleave with it.
               .config("spark.ui.showConsoleProgress", "false"))
    if master:
        builder = builder.master(master)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
