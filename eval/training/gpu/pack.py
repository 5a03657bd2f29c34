"""Pack what the GPU run needs into .gpu/ (ignored; name it in the device tool's carry): the base model
(fp16, only the word-embedding rows that the data's tokens use, to stay under the tool's 64 MiB) and the
shared data files without the held-out articles. Run here: .venv/bin/python eval/training/gpu/pack.py"""

import glob
import json
import shutil
from pathlib import Path

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
    (out / "data" / Path(f).name).write_text(json.dumps(d))
    texts = [p["context"] for a in d["data"] for p in a["paragraphs"]]
    texts += [q["question"] for a in d["data"] for p in a["paragraphs"] for q in p["qas"]]
    for enc in tok.encode_batch(texts):
        ids.update(enc.ids)
shutil.copy("../shared/data/README.md", out / "data" / "README.md")
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
