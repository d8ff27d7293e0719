"""Ingest: turn paths and URLs into a stream of raw Article records (or Skips)."""

from storyline.ingest.sources import read_inputs

__all__ = ["read_inputs"]
