import sys
from pathlib import Path

# spark_env (shared marks and paths) lives beside the tests that use it.
sys.path.insert(0, str(Path(__file__).parent))
