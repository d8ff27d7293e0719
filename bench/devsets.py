"""The dev-set mix that bench/kills.py and bench/throughput.py feed to `storyline run`."""

from __future__ import annotations

import json
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
