"""Average span models' weights (a model soup), each with its weight; the first one's record is kept:

.venv/bin/python eval/training/gpu/soup.py OUT W1:DIR1 W2:DIR2 ..."""

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from qa.read.span import load_span_model, save_span_model


def average_weights(states: Sequence[tuple[float, Mapping[str, Any]]]) -> dict[str, Any]:
    """The weighted average of state dicts (weights need not sum to 1)."""
    total = sum(weight for weight, _ in states)
    return {key: sum(weight / total * state[key].float() for weight, state in states) for key in states[0][1]}


def main(out: Path, parts: list[tuple[float, Path]]) -> None:
    models = [load_span_model(folder)[0].model for _, folder in parts]
    models[0].load_state_dict(average_weights([(w, m.state_dict()) for (w, _), m in zip(parts, models, strict=True)]))
    meta = json.loads((parts[0][1] / "training.json").read_text())
    meta["soup"] = {"parts": [[w, str(d)] for w, d in parts]}
    save_span_model(models[0], out, meta)
    print("saved", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), [(float(a.split(":", 1)[0]), Path(a.split(":", 1)[1])) for a in sys.argv[2:]])
