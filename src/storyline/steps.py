"""Importing this module registers every built-in step with the registry."""

from storyline.clean import step as _clean  # noqa: F401
from storyline.events import step as _events  # noqa: F401
from storyline.language import corpus as _entities  # noqa: F401
from storyline.language import step as _language  # noqa: F401
from storyline.narrate import step as _narrate  # noqa: F401
from storyline.provenance import step as _provenance  # noqa: F401
