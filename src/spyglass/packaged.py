"""Data shipped in the package (`spyglass/data/<area>/<name>`): the one reader of its YAML files."""

from importlib import resources
from typing import Any

import yaml


def data_yaml(area: str, name: str) -> Any:
    """The parsed YAML file `spyglass/data/<area>/<name>`; callers cache what they derive from it."""
    return yaml.safe_load((resources.files("spyglass") / "data" / area / name).read_text(encoding="utf-8"))
