"""Average span models' weights (a model soup), each with its weight; the first one's record is kept:

.venv/bin/python eval/training/gpu/soup.py OUT W1:DIR1 W2:DIR2 ..."""

import json
import sys
from pathlib import Path

from qa.read.span import load_span_model, save_span_model

out = Path(sys.argv[1])
parts = [(float(a.split(":", 1)[0]), Path(a.split(":", 1)[1])) for a in sys.argv[2:]]
total = sum(w for w, _ in parts)
models = [(w / total, load_span_model(d)[0].model) for w, d in parts]
base = models[0][1]
states = [(w, m.state_dict()) for w, m in models]
avg = {k: sum(w * s[k].float() for w, s in states) for k in states[0][1]}
base.load_state_dict(avg)
meta = json.loads((parts[0][1] / "training.json").read_text())
meta["soup"] = {"parts": [[w, str(d)] for w, d in parts]}
save_span_model(base, out, meta)
print("saved", out)
