#!/usr/bin/env bash
# Train a taxqa LoRA adapter on a RunPod GPU pod (PyTorch image). Safe to re-run: it installs only
# what is missing, refuses to start a second copy, and a re-run resumes from the last checkpoint.
#
#   train_cuda/runpod_train.sh --model gemma3-12b --data /workspace/dataset --gpu-price 1.89
#   train_cuda/runpod_train.sh --dry-run ...        # print every step instead of doing it
#   train_cuda/runpod_train.sh ... -- --set training_args.learning_rate=5e-5   # extra `taxqa train` args
#
# Environment: HF_TOKEN (needed for the gated Gemma weights, and for --push-to-hub), GPU_COUNT (override
# the count nvidia-smi reports), PYTHON (default python3), MIN_FREE_GB (override the disk check).
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DRY_RUN=0
FOREGROUND=0
MODEL="gemma3-12b"
DATA="/workspace/dataset"
OUTPUT=""
CONFIG="$REPO_DIR/train_cuda/train_config.yaml"
GPU_PRICE=""
EXTRA=()

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --foreground) FOREGROUND=1 ;;
    --model) MODEL="$2"; shift ;;
    --data) DATA="$2"; shift ;;
    --output) OUTPUT="$2"; shift ;;
    --config) CONFIG="$2"; shift ;;
    --gpu-price) GPU_PRICE="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "runpod_train.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
OUTPUT="${OUTPUT:-/workspace/runs/${MODEL//\//_}-taxqa}"

say() { echo "[runpod_train] $*"; }
die() { echo "[runpod_train] error: $*" >&2; exit 1; }
run() {  # run a command, or print it under --dry-run
  if [[ $DRY_RUN == 1 ]]; then printf '+'; printf ' %q' "$@"; printf '\n'; else "$@"; fi
}

# --- GPU count and bf16 -------------------------------------------------------------------------
if [[ -n "${GPU_COUNT:-}" ]]; then
  :
elif command -v nvidia-smi >/dev/null 2>&1; then
  GPU_COUNT="$(nvidia-smi -L | grep -c '^GPU' || true)"
else
  GPU_COUNT=0
fi
if [[ "$GPU_COUNT" -lt 1 ]]; then
  [[ $DRY_RUN == 1 ]] || die "no GPU visible (nvidia-smi); pick a GPU pod or set GPU_COUNT"
  say "no GPU visible (dry run: assuming 1)"; GPU_COUNT=1
fi
say "GPUs: $GPU_COUNT"

case "$MODEL" in
  gemma3-12b|*gemma-3-12b*) NEED_GB=80; BIG=1 ;;
  gemma3-4b|*gemma-3-4b*) NEED_GB=30; BIG=0 ;;
  gemma3-1b|*gemma-3-1b*) NEED_GB=12; BIG=0 ;;
  phi2|*phi-2*) NEED_GB=20; BIG=0 ;;
  *) NEED_GB=30; BIG=0 ;;
esac
NEED_GB="${MIN_FREE_GB:-$NEED_GB}"

# DDP copies the model to every GPU; a 12B model with its optimizer state needs FSDP to shard it.
if [[ "$GPU_COUNT" -gt 1 && $BIG == 1 ]]; then STRATEGY=fsdp; elif [[ "$GPU_COUNT" -gt 1 ]]; then STRATEGY=ddp; else STRATEGY=single; fi
say "strategy: $STRATEGY"

# --- disk -------------------------------------------------------------------------------------
DISK_DIR="$(dirname "$OUTPUT")"
[[ -d "$DISK_DIR" ]] || DISK_DIR=/
FREE_GB="$(df -Pk "$DISK_DIR" | awk 'NR==2 {print int($4 / 1048576)}')"
if [[ "$FREE_GB" -lt "$NEED_GB" ]]; then
  [[ $DRY_RUN == 1 ]] || die "only ${FREE_GB} GB free under $DISK_DIR; $MODEL needs about ${NEED_GB} GB (weights, cache, checkpoints)"
  say "only ${FREE_GB} GB free under $DISK_DIR (needs ${NEED_GB} GB on a pod)"
else
  say "disk: ${FREE_GB} GB free under $DISK_DIR (needs ${NEED_GB} GB)"
fi

# --- Hugging Face token -------------------------------------------------------------------------
if [[ "$MODEL" == *gemma* && ! -d "$MODEL" && -z "${HF_TOKEN:-}" ]]; then
  [[ $DRY_RUN == 1 ]] || die "Gemma weights are gated: export HF_TOKEN=hf_... (a token whose account accepted the Gemma license)"
  say "HF_TOKEN is not set (a real run stops here: Gemma weights are gated)"
fi

# --- install (only what is missing) ----------------------------------------------------------------
if $PYTHON -c "import taxqa, train_cuda, peft, transformers, accelerate" >/dev/null 2>&1; then
  say "taxqa[train] already installed"
else
  run $PYTHON -m pip install --quiet -e "$REPO_DIR[train,qlora]"
fi
if [[ $DRY_RUN == 0 ]]; then
  BF16="$($PYTHON -c 'import torch; print(int(torch.cuda.is_available() and torch.cuda.is_bf16_supported()))')"
  if [[ "$BF16" != 1 && "$MODEL" == *gemma* ]]; then
    say "warning: this GPU has no bf16; Gemma3 overflows in fp16, so it will train in fp32 (slow): rent an Ampere+ GPU"
  fi
  say "bf16: $([[ "$BF16" == 1 ]] && echo yes || echo no)"
else
  say "bf16 check: skipped in a dry run (torch.cuda.is_bf16_supported() on the pod)"
fi

# --- the training command ------------------------------------------------------------------------
CMD=("$PYTHON" -m train_cuda --config "$CONFIG" --model "$MODEL" --data "$DATA" --output "$OUTPUT" --device cuda)
[[ -n "$GPU_PRICE" ]] && CMD+=(--gpu-price "$GPU_PRICE")
if [[ "$STRATEGY" != single ]]; then
  CMD+=(--nproc "$GPU_COUNT" --set "distributed.strategy=$STRATEGY")
fi
CMD+=("${EXTRA[@]}")

PID_FILE="$OUTPUT/train.pid"
LOG="$OUTPUT/train.log"
if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  say "training is already running (pid $(cat "$PID_FILE")): tail -f $LOG"
  exit 0
fi
if compgen -G "$OUTPUT/checkpoints/checkpoint-*" >/dev/null; then
  say "checkpoints found in $OUTPUT/checkpoints: training resumes from the last one"
fi

run mkdir -p "$OUTPUT"
if [[ $FOREGROUND == 1 ]]; then
  run "${CMD[@]}"
elif [[ $DRY_RUN == 1 ]]; then
  printf '+ nohup'; printf ' %q' "${CMD[@]}"; printf ' > %q 2>&1 &\n' "$LOG"
else
  nohup "${CMD[@]}" >"$LOG" 2>&1 &
  echo $! >"$PID_FILE"
  say "training started (pid $!), log: $LOG   (follow: tail -f $LOG)"
fi

say "the adapter will be in $OUTPUT (adapter_model.safetensors, adapter_config.json, tokenizer, run.json)"
say "TensorBoard: tensorboard --logdir $OUTPUT/tensorboard"
say "next, on the Mac: taxqa convert --base $MODEL --adapter $OUTPUT -o ${OUTPUT##*/}-mlx"
