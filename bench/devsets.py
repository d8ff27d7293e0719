"""The dev-set mix that bench/kills.py and bench/throughput.py feed to `storyline run`."""

from __future__ import annotations

import json
import time
from pathlib import Path


def dev_records(data: Path, limit: int) -> list[dict[str, str]]:
    """Syndication-dev records, then t17-dev articles, up to ``limit``."""
    records: list[dict[str, str]] = []
    with open(data / "syndication-dev" / "articles.jsonl", encoding="utf-8") as lines:
        records.extend(json.loads(line) for line in lines)
    for topic in sorted((data / "t17-dev").iterdir()):
        with open(topic / "articles.jsonl", encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                records.append({"id": f"{topic.name}-{item['id']}", "text": item["text"],
                                "published": item["time"], "source": topic.name.split("_")[-1]})
    return records[:limit]


def all_records(data: Path) -> list[dict[str, str]]:
    """Syndication-dev, t17-dev (as bench/kills.py) and ecbplus-dev records."""
    records = dev_records(data, 10**9)
    with open(data / "ecbplus-dev" / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            records.append({"id": f"ecb-{item['id']}", "title": item.get("title") or "",
                            "text": item["text"]})
    return records


def write_inputs(records: list[dict[str, str]], folder: Path) -> list[str]:
    """JSONL files of 100 records each; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number, start in enumerate(range(0, len(records), 100)):
        path = folder / f"part-{number:03d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[start:start + 100]),
                        encoding="utf-8")
        files.append(str(path))
    return files


def stage_seconds(files: list[str], db: Path) -> dict[str, float]:
    """Seconds of model load, the record steps and each corpus step on ``db``, in this process.

    The steps run as ``run_pipeline`` runs them (shared by bench/scale.py and
    bench/throughput.py).
    """
    import storyline.steps  # noqa: F401  (registers the built-in steps)
    from storyline.config import load_config
    from storyline.ingest import read_inputs
    from storyline.language.nlp import load_pipeline
    from storyline.pipeline.local import LocalExecutor
    from storyline.pipeline.run import build_steps, run_corpus_step
    from storyline.pipeline.workers import configured_workers
    from storyline.store.articles import content_hash, pending_ids
    from storyline.store.db import Store

    config = load_config()
    timings: dict[str, float] = {}
    began = time.perf_counter()
    load_pipeline(config["language"]["spacy_model"])
    timings["model load"] = time.perf_counter() - began
    record_steps, corpus_steps = build_steps(config)
    with Store(db) as store:

        def hashed(stream):  # type: ignore[no-untyped-def]
            for item in stream:
                if hasattr(item, "raw"):
                    item.input_hash = content_hash(item)
                yield item

        began = time.perf_counter()
        LocalExecutor(record_steps, workers=configured_workers(config)).run(
            store, hashed(read_inputs(files, config)))
        timings["record steps"] = time.perf_counter() - began
        for step in corpus_steps:
            began = time.perf_counter()
            pending = pending_ids(store, step.name, step.version)
            if pending:
                run_corpus_step(store, step, pending, record=True)
            timings[step.name] = time.perf_counter() - began
    return timings
