"""Stand-in for the PyPI package on the GPU machine: the base model rebuilt by .gpu/unpack.py."""

import os
from pathlib import Path


def get_model_path() -> Path:
    return Path(os.environ.get("QA_GPU_BASE", "/tmp/base"))
