"""Settings: shipped defaults in ``defaults.toml``, overridden key by key by a user file."""

from __future__ import annotations

import tomllib
from copy import deepcopy
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError

Config = dict[str, dict[str, Any]]


def default_config() -> Config:
    """Return a fresh copy of the shipped defaults."""
    text = resources.files("storyline").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_config(path: str | Path | None = None, overrides: Config | None = None) -> Config:
    """Load the defaults, then apply a user TOML file and explicit overrides.

    Args:
        path: A TOML file naming only the settings to change, or ``None``.
        overrides: Section → {key: value} applied last (used by the API and tests).

    Returns:
        The merged configuration.

    Raises:
        ConfigError: The file is unreadable or names a section or key that does not exist.
    """
    config = default_config()
    layers: list[tuple[str, Config]] = []
    if path is not None:
        try:
            layers.append((str(path), tomllib.loads(Path(path).read_text(encoding="utf-8"))))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(
                f"cannot read config {path}: {exc}; fix the file or drop --config"
            ) from exc
    if overrides:
        layers.append(("overrides", overrides))
    for origin, layer in layers:
        _merge(config, layer, origin)
    return config


def _merge(config: Config, layer: Config, origin: str) -> None:
    for section, values in layer.items():
        if section not in config or not isinstance(values, dict):
            raise ConfigError(
                f"{origin}: unknown section [{section}]; known: {', '.join(sorted(config))}"
            )
        for key, value in values.items():
            if key not in config[section]:
                known = ", ".join(sorted(config[section]))
                raise ConfigError(f"{origin}: unknown setting {section}.{key}; known: {known}")
            config[section][key] = deepcopy(value)
