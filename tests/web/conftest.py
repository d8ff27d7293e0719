"""A real store for the web app's tests: the bundled sample plus one hostile article."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.pipeline.run import run_pipeline
from storyline.store.db import Store

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "storyline" / "sample" / "articles"
JAPAN_KOREA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "japan-korea"
# Each payload sets window.__xss when it runs; the browser test checks it never does.
SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
HOSTILE = {
    "id": "hostile-1",
    "title": f"Tram depot {SCRIPT} opens {IMG}",
    "text": (f"The Ostbury tram depot opened on Monday {SCRIPT}, the council said. "
             f"\"We are proud {IMG} of this depot and its trams,\" said Mayor Ana Berg "
             "on Monday. The tram line to the harbour will run every ten minutes "
             f"from next week, the operator said {IMG}.\n\n"
             "Passengers queued at the depot gates before dawn to ride the first tram, "
             "and the council said the line would carry ten thousand people a day."),
    "url": "javascript:window.__xss=1",
    "source": f"Evil {IMG} Gazette",
    "published": "2024-03-05",
}


def build_store(folder: Path, inputs: list[str]) -> Path:
    """Run the whole pipeline on ``inputs`` into ``folder/story.db``; return its path."""
    path = folder / "story.db"
    with Store(path) as store:
        run_pipeline(store, inputs, load_config())
    return path


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample and the hostile article, analysed."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    return build_store(folder, [str(SAMPLE), str(hostile)])


@pytest.fixture(scope="session")
def japan_korea_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The japan-korea example analysed (skipped where the dev data is absent)."""
    if not (JAPAN_KOREA / "expected.json").exists():
        pytest.skip("japan-korea development data not present")
    inputs = sorted(str(p) for p in JAPAN_KOREA.glob("*.txt"))
    return build_store(tmp_path_factory.mktemp("jk"), inputs)


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[object]:
    """A test client of the app over the sample store."""
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    with TestClient(create_app(str(sample_db))) as test_client:
        yield test_client
