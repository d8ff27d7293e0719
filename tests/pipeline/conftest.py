import sys
from pathlib import Path

# The kill harness and the synthetic corpus live beside the tests that use them.
sys.path.insert(0, str(Path(__file__).parent))
