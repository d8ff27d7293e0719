import os
import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "storyline" / "sample" / "articles"
DATA = Path(__file__).resolve().parents[2] / "../shared/data"


def spark_ready() -> str | None:
    """Why Spark tests cannot run here, or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return 'pyspark missing: pip install -e ".[spark]"'
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java: apt-get install openjdk-17-jre-headless"
    return None


needs_spark = pytest.mark.skipif(spark_ready() is not None, reason=str(spark_ready()))
# Minutes long: run in CI (CI=true) or with STORYLINE_SLOW=1.
slow = pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("STORYLINE_SLOW")),
                          reason="slow: set STORYLINE_SLOW=1 (CI runs it)")
