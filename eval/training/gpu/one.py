"""One training run on the GPU machine: python3 eval/training/gpu/one.py NAME 'JSON of TrainConfig fields'."""

import json
import os
import sys
from pathlib import Path

from qa.train import TrainConfig, train_reader

name, fields = sys.argv[1], json.loads(sys.argv[2])
root = Path("/tmp/runs") / name
init = fields.pop("init", None)
config = TrainConfig(
    data=Path(os.environ.get("QA_GPU_DATA", "/tmp/gpu-data")),
    out=root / "model",
    checkpoints=root / "ckpt",
    device=fields.pop("device", "cuda"),
    init=Path(init) if init else None,
    log_every=200,
    **fields,
)
meta = train_reader(config, progress=lambda line: print(line, flush=True))
print("DONE", json.dumps(meta["validation"]), flush=True)
if init and not (root / "model" / "training.json").is_file():
    # No epoch beat the warm start on validation: keep the last epoch anyway, as an ingredient of a soup.
    import torch

    from qa.read.span import load_span_model, save_span_model

    span = load_span_model(Path(init))[0]
    span.model.load_state_dict(
        torch.load(root / "ckpt" / "checkpoint.pt", map_location="cpu", weights_only=False)["model"]
    )
    save_span_model(span.model, root / "model", {**meta, "note": "the last epoch; none beat the warm start"})
    print("SAVED the last epoch", flush=True)
