"""Pack what the GPU run needs into .gpu/ (ignored; name it in the device tool's carry): the base model
(fp16, only the word-embedding rows that the data's tokens use, to stay under the tool's 64 MiB) and the
shared data files without the held-out articles. Run here: .venv/bin/python eval/training/gpu/pack.py"""

import glob
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import tokenizers
import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer

from qa.evaluate.squad import HELDOUT_V11, HELDOUT_V20
from qa.read.span import base_model_path

base = Path(base_model_path())
out = Path(".gpu")
(out / "data").mkdir(parents=True, exist_ok=True)
(out / "basefiles").mkdir(parents=True, exist_ok=True)
held = set(HELDOUT_V11) | set(HELDOUT_V20)
tok = Tokenizer.from_file(str(base / "tokenizer.json"))
tok.no_truncation()
ids = set(range(1000))
for f in sorted(glob.glob("../shared/data/*.json")):
    d = json.loads(Path(f).read_text())
    d["data"] = [a for a in d["data"] if a["title"] not in held]
    with gzip.open(out / "data" / (Path(f).name + ".gz"), "wt") as packed:  # unpacked there by run.sh
        json.dump(d, packed)
    texts = [p["context"] for a in d["data"] for p in a["paragraphs"]]
    texts += [q["question"] for a in d["data"] for p in a["paragraphs"] for q in p["qas"]]
    for enc in tok.encode_batch(texts):
        ids.update(enc.ids)
shutil.copy("../shared/data/README.md", out / "data" / "README.md")
# The GPU machine's own tokenizers (0.23.2 in session 31) cuts paragraphs into other windows than ours: carry ours.
wheels = out / "wheels"
shutil.rmtree(wheels, ignore_errors=True)
platforms = [f"--platform={p}" for p in ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64")]
subprocess.run(
    [
        sys.executable,
        "-m",
        "pip",
        "download",
        "-q",
        "--no-deps",
        "--only-binary=:all:",
        "--python-version=3.12",
        "--implementation=cp",
        *platforms,
        "-d",
        str(wheels),
        f"tokenizers=={tokenizers.__version__}",
    ],
    check=True,
)
state = load_file(str(base / "model.safetensors"))
emb = state.pop("embeddings.word_embeddings.weight")
rows = torch.tensor(sorted(ids), dtype=torch.int64)
save_file({k: v.half().contiguous() for k, v in state.items()}, str(out / "base_rest.safetensors"))
save_file(
    {"rows": rows, "values": emb[rows].half().contiguous(), "shape": torch.tensor(list(emb.shape))},
    str(out / "base_rows.safetensors"),
)
for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
    shutil.copy(base / name, out / "basefiles" / name)
print(len(rows), "rows")
