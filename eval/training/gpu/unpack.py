"""On the GPU machine: rebuild the base model folder from pack.py's parts (rows the data never uses are 0)."""

import shutil
import sys
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

dest = Path(sys.argv[1])
dest.mkdir(parents=True, exist_ok=True)
state = {k: v.float() for k, v in load_file(".gpu/base_rest.safetensors").items()}
packed = load_file(".gpu/base_rows.safetensors")
emb = torch.zeros(*packed["shape"].tolist())
emb[packed["rows"]] = packed["values"].float()
state["embeddings.word_embeddings.weight"] = emb
save_file(state, str(dest / "model.safetensors"), metadata={"format": "pt"})
for f in Path(".gpu/basefiles").iterdir():
    shutil.copy(f, dest / f.name)
print("base rebuilt at", dest)
