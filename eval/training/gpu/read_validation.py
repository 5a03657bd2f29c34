"""Validation reading figures of a reader folder, each question given its own paragraph (the figures
`qa train-reader` prints per epoch), read on this machine; the validation articles are those its
``training.json`` names:

.venv/bin/python eval/training/gpu/read_validation.py MODEL_DIR [N]"""

import json
import sys
import time
from pathlib import Path

import torch

from qa.evaluate.reading import read_paragraphs, reader_validation_articles
from qa.read.span import load_span_model
from qa.train import load_examples

model = Path(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 0
articles = reader_validation_articles(model)
validation = [e for e in load_examples(Path("../shared/data")) if e.article in articles]
if limit:
    validation = validation[:limit]
span, _ = load_span_model(model)
span.model.eval()
started = time.time()
with torch.no_grad():
    figures = read_paragraphs(span, validation)
rounded = {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}
print(model, json.dumps(rounded), round(time.time() - started), "s")
