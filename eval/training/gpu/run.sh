# The device command: bash eval/training/gpu/run.sh TRAIN_SECONDS [run2] [smoke]
export PYTHONPATH=$PWD/eval/training/gpu/site:$PWD HF_HUB_OFFLINE=1 PYTHONUNBUFFERED=1 OMP_NUM_THREADS=2 TOKENIZERS_PARALLELISM=false
export OUT=${OUT:-/tmp/out} QA_GPU_DATA=${QA_GPU_DATA:-/tmp/gpu-data}
PY=${PY:-python3}
nvidia-smi -L 2>&1 | head -2
if ls .gpu/wheels/*.whl > /dev/null 2>&1; then  # the tokenizers this project uses, not the machine's own
    $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/gpu-site .gpu/wheels/*.whl || exit 1
    export PYTHONPATH=/tmp/gpu-site:$PYTHONPATH
fi
mkdir -p "$QA_GPU_DATA" && cp .gpu/data/README.md "$QA_GPU_DATA"/ || exit 1
for f in .gpu/data/*.json.gz; do gunzip -c "$f" > "$QA_GPU_DATA/$(basename "$f" .gz)" || exit 1; done
$PY -c "import torch, transformers, tokenizers, numpy; print(torch.__version__, transformers.__version__, tokenizers.__version__, numpy.__version__, torch.cuda.is_available())"
$PY eval/training/gpu/unpack.py ${QA_GPU_BASE:-/tmp/base} || exit 1
$PY eval/training/gpu/sweep.py "$@" 2>&1 | tee $OUT/sweep.log
