# The device command: bash eval/training/gpu/run.sh TRAIN_SECONDS [smoke]
export PYTHONPATH=$PWD/eval/training/gpu/site:$PWD HF_HUB_OFFLINE=1 PYTHONUNBUFFERED=1 OMP_NUM_THREADS=2 TOKENIZERS_PARALLELISM=false
export OUT=${OUT:-/tmp/out}
PY=${PY:-python3}
nvidia-smi -L 2>&1 | head -2
$PY -c "import torch, transformers, numpy; print(torch.__version__, transformers.__version__, numpy.__version__, torch.cuda.is_available())"
$PY eval/training/gpu/unpack.py ${QA_GPU_BASE:-/tmp/base} || exit 1
$PY eval/training/gpu/sweep.py "$@" 2>&1 | tee $OUT/sweep.log
