"""The GPU sweep: train several readers at once, greedy-soup the best, pack the winners into $OUT.

python3 eval/training/gpu/sweep.py TRAIN_SECONDS [run2] [smoke] (run.sh calls it). Each run is cut off after
TRAIN_SECONDS; its best epoch so far is its artifact. Reads the pool that run.sh unpacked ($QA_GPU_DATA).
SWEEP_ONLY=ab runs only the configurations whose names start with those letters."""

import json
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

NEG = {"hard_negative_rate": 0.5, "synthetic_rate": 0.3}  # reader run 2's negatives
CONFIGS = {  # session 31's sweep 1
    "a_lr1e-4_ep5": {"learning_rate": 1e-4, "epochs": 5, **NEG},
    "b_lr2e-4_ep5": {"learning_rate": 2e-4, "epochs": 5, **NEG},
    "c_lr3e-4_bs32_ep5": {"learning_rate": 3e-4, "batch_size": 32, "epochs": 5, **NEG},
    "d_lr2e-4_ep8": {"learning_rate": 2e-4, "epochs": 8, **NEG},
    "e_lr2e-4_ep5_emb": {"learning_rate": 2e-4, "epochs": 5, "train_word_embeddings": True, **NEG},
    "f_lr1e-4_ep8_emb": {"learning_rate": 1e-4, "epochs": 8, "train_word_embeddings": True, **NEG},
    "g_lr1.5e-4_ep6": {"learning_rate": 1.5e-4, "epochs": 6, **NEG},
    "h_lr2e-4_bs32_ep6": {"learning_rate": 2e-4, "batch_size": 32, "epochs": 6, **NEG},
    "i_warm_lr3e-5_ep3": {"learning_rate": 3e-5, "epochs": 3, "init": "qa/models/reader", **NEG},
    "j_lr2e-4_ep5_negs": {"learning_rate": 2e-4, "epochs": 5, "hard_negative_rate": 1.0, "synthetic_rate": 0.5},
}
RUN2 = {  # session 31's sweep 2 (its soup of l and m: eval/training/gpu-soup-candidate)
    "k_lr1e-4_bs32_ep3": {"learning_rate": 1e-4, "batch_size": 32, "epochs": 3, **NEG},
    "l_lr1.5e-4_bs32_ep3": {"learning_rate": 1.5e-4, "batch_size": 32, "epochs": 3, **NEG},
    "m_lr2e-4_bs32_ep3": {"learning_rate": 2e-4, "batch_size": 32, "epochs": 3, **NEG},
    "n_lr3e-4_bs32_ep3": {"learning_rate": 3e-4, "batch_size": 32, "epochs": 3, **NEG},
}
WARM = {"init": "qa/models/reader", "epochs": 2, **NEG}  # warm starts from the served reader (run 2)
RUN3 = {  # session 32: warm starts from run 2 with other seeds, for a soup in run 2's basin (its spans, its scale)
    "w1_warm_lr3e-5_s21": {"learning_rate": 3e-5, "seed": 21, **WARM},
    "w2_warm_lr3e-5_s34": {"learning_rate": 3e-5, "seed": 34, **WARM},
    "w3_warm_lr5e-5_s55": {"learning_rate": 5e-5, "seed": 55, **WARM},
    "w4_warm_lr5e-5_s89": {"learning_rate": 5e-5, "seed": 89, **WARM},
}
if "run2" in sys.argv:
    CONFIGS = RUN2
if "run3" in sys.argv:
    CONFIGS = RUN3
KEY = "overall_f1_at_margin"
OUT = Path(os.environ.get("OUT", "/tmp/out"))
RUNS = Path("/tmp/runs")


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


def train_all(seconds: int, smoke: bool) -> None:
    procs = {}
    only = os.environ.get("SWEEP_ONLY")
    for name, fields in CONFIGS.items():
        if only and name[0] not in only:
            continue
        fields = dict(fields)
        if smoke:
            fields.update(device="cpu", limit=150, epochs=min(fields["epochs"], 2), validation_per_source=1, threads=1)
        (RUNS / name).mkdir(parents=True, exist_ok=True)
        cmd = ["timeout", str(seconds), sys.executable, "eval/training/gpu/one.py", name, json.dumps(fields)]
        with open(RUNS / name / "log.txt", "w") as out:  # the child keeps its own copy of the file
            procs[name] = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    while any(p.poll() is None for p in procs.values()):
        time.sleep(10)
        lines = []
        for name in procs:
            tail = (RUNS / name / "log.txt").read_text().strip().splitlines()[-1:] or [""]
            lines.append(f"{name}: {tail[0][:90]}")
        log("\n  " + "\n  ".join(lines))
    for name, p in procs.items():
        log(name, "exit", p.returncode)


def record(name: str) -> dict | None:
    path = RUNS / name / "model" / "training.json"
    return json.loads(path.read_text()) if path.is_file() else None


def validation_examples(name: str) -> list:
    """A run's validation questions: the articles its training.json names (of its --limit sample, if any)."""
    from qa.evaluate.reading import reader_validation_articles
    from qa.train import load_examples

    first = record(name)
    examples = load_examples(Path(os.environ.get("QA_GPU_DATA", "/tmp/gpu-data")))
    hyper = first["hyper_parameters"]
    if hyper.get("limit"):
        import random

        seed = hyper.get("split_seed", first["seed"])
        examples = random.Random(seed).sample(examples, min(hyper["limit"], len(examples)))
    held = reader_validation_articles(RUNS / name / "model")
    return [e for e in examples if e.article in held]


def soup_reader(states: dict, validation: list, span):
    """Reads the average of the named runs' weights on validation, with ``span``'s model; logs the figures."""
    import torch
    from soup import average_weights  # beside this script

    from qa.evaluate.reading import read_paragraphs

    device = "cuda" if torch.cuda.is_available() else "cpu"

    def read(names: list[str]) -> dict:
        span.model.load_state_dict(average_weights([(1.0, states[n]) for n in names]))
        span.model.to(device).eval()
        with torch.no_grad():
            result = read_paragraphs(span, validation)
        log("soup", names, json.dumps({k: result[k] for k in ("has_answer_f1", KEY)}))
        return result

    return read


def save_soup(span, states: dict, chosen: list[str], figures: dict, first: dict, **extra) -> None:
    from soup import average_weights

    from qa.read.span import save_span_model

    span.model.load_state_dict(average_weights([(1.0, states[n]) for n in chosen]))
    meta = dict(first)
    records = {n: record(n)["validation"] for n in chosen if n in CONFIGS}
    meta["soup"] = {"runs": chosen, **extra, "records": records}
    meta["validation"] = {k: figures[k] for k in meta["validation"]}
    meta["no_answer_margin"] = figures["no_answer_margin"]
    meta["soup_validation"] = figures
    span.model.to("cpu")
    save_span_model(span.model, RUNS / "soup" / "model", meta)


def soup(ranked: list[str]) -> tuple[list[str], dict] | None:
    """Greedy soup (Wortsman et al. 2022) of the runs that started from the base: add a run's weights to the
    average only if validation improves."""
    from qa.read.span import load_span_model

    warm = [n for n in ranked if "init" in CONFIGS[n]]
    base_runs = [n for n in ranked if "init" not in CONFIGS[n]][:4]
    if warm and len(warm) == len(ranked):  # warm starts: the soup starts from their init, read as their epoch 0
        return warm_soup(warm)
    if len(base_runs) < 2:
        return None
    first = record(base_runs[0])
    states = {n: load_span_model(RUNS / n / "model")[0].model.state_dict() for n in base_runs}
    span, _ = load_span_model(RUNS / base_runs[0] / "model")
    read = soup_reader(states, validation_examples(base_runs[0]), span)
    chosen, best, figures = [base_runs[0]], first["validation"][KEY], None
    for name in base_runs[1:]:
        result = read([*chosen, name])
        if result[KEY] > best:
            chosen, best, figures = [*chosen, name], result[KEY], result
    if figures is None:
        return None
    save_soup(span, states, chosen, figures, first)
    return chosen, figures


def warm_soup(warm: list[str]) -> tuple[list[str], dict] | None:
    """Greedy soup of warm-started runs with the model they started from, then the uniform soup of all, the
    better of the two on validation."""
    from qa.read.span import load_span_model

    init = Path(CONFIGS[warm[0]]["init"])
    states = {"init": load_span_model(init)[0].model.state_dict()}
    states.update({n: load_span_model(RUNS / n / "model")[0].model.state_dict() for n in warm})
    span, _ = load_span_model(init)
    read = soup_reader(states, validation_examples(warm[0]), span)
    chosen, figures = ["init"], read(["init"])
    for name in warm:
        result = read([*chosen, name])
        if result[KEY] > figures[KEY]:
            chosen, figures = [*chosen, name], result
    uniform = ["init", *warm]
    if chosen != uniform:
        result = read(uniform)
        if result[KEY] > figures[KEY]:
            chosen, figures = uniform, result
    save_soup(span, states, chosen, figures, record(warm[0]), init=str(init))
    return chosen, figures


def pack(ranked: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tarfile.open(OUT / "records.tar.gz", "w:gz") as tar:
        for name in [*ranked, "soup"]:
            for f in ("model/training.json", "log.txt"):
                if (RUNS / name / f).is_file():
                    tar.add(RUNS / name / f, arcname=f"{name}/{f}")
    budget = 60 * 2**20
    for name in ranked[:2]:
        weights = RUNS / name / "model" / "model.safetensors"
        size = weights.stat().st_size
        if size > budget:
            log("no room for", name)
            continue
        budget -= size
        subprocess.run(["split", "-b", "15m", "-d", str(weights), str(OUT / f"{name}.weights.")], check=True)
        log("packed", name, size)


def main() -> None:
    seconds, smoke = int(sys.argv[1]), "smoke" in sys.argv
    started = time.time()
    train_all(seconds, smoke)
    log("training done in", round(time.time() - started), "s")
    scores = {n: r["validation"] for n in CONFIGS if (r := record(n))}
    ranked = sorted(scores, key=lambda n: -scores[n][KEY])
    for n in ranked:
        log(f"{n}: {json.dumps(scores[n])} epoch {record(n)['chosen_epoch']}")
    result = None
    try:
        result = soup(ranked)
    except Exception as exc:  # the sweep's results still come back
        log("soup failed:", repr(exc))
    if result:
        log("soup kept:", result[0], json.dumps(result[1]))
        if result[1][KEY] > scores[ranked[0]][KEY] or "run3" in sys.argv:
            ranked = ["soup", *ranked]
    pack(ranked)
    log("all done in", round(time.time() - started), "s")


if __name__ == "__main__":
    main()
