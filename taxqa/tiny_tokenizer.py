"""The demo models' tokenizer: byte-fallback BPE trained on the bundled Korean statutes (and, for the
demo, its training records), with Gemma's or Phi-2's special tokens and Gemma's chat template."""

from __future__ import annotations

import json

GEMMA_SPECIALS = ["<pad>", "<eos>", "<bos>", "<unk>", "<start_of_turn>", "<end_of_turn>"]
GEMMA_IMAGE_SPECIALS = ["<start_of_image>", "<end_of_image>", "<image_soft_token>"]
PHI_EOS = "<|endoftext|>"
BYTE_TOKENS = [f"<0x{i:02X}>" for i in range(256)]

# A Gemma-style template: system text folds into the first user turn, turns end with <end_of_turn>.
GEMMA_CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{%- if messages[0]['role'] == 'system' -%}"
    "{%- set first_user_prefix = messages[0]['content'] + '\n\n' -%}"
    "{%- set loop_messages = messages[1:] -%}"
    "{%- else -%}{%- set first_user_prefix = '' -%}{%- set loop_messages = messages -%}{%- endif -%}"
    "{%- for message in loop_messages -%}"
    "{%- set role = 'model' if message['role'] == 'assistant' else message['role'] -%}"
    "{{ '<start_of_turn>' + role + '\n' + (first_user_prefix if loop.first else '') }}"
    "{{ message['content'] | trim }}{{ '<end_of_turn>\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<start_of_turn>model\n' }}{%- endif -%}"
)


def tokenizer_training_text(max_chars: int = 400_000) -> list[str]:
    """Korean tax text from the embedded corpus, bounded so training takes about a second."""
    from taxqa.corpus import iter_corpus_texts

    texts, total = [], 0
    for text in iter_corpus_texts():
        texts.append(text)
        total += len(text)
        if total >= max_chars:
            break
    if not texts:
        raise RuntimeError("the embedded corpus is empty: the package was built without taxqa/corpus/data")
    return texts


NUMBER_STYLES = ("digits", "groups", "amounts", "runs")
ALPHABET_SIZE = 300


def common_characters(texts: list[str], size: int) -> list[str]:
    """The ``size`` most frequent characters (spaces as '▁'), ties broken by the character.

    The trainer's own ``limit_alphabet`` drops the rarest characters in hash-map order, so among
    characters of equal count at the cut the kept ones changed from process to process, and with them
    the merges (two runs on the same text gave vocabularies differing by a few tokens). Given as the
    initial alphabet with the same limit, exactly these are kept."""
    from collections import Counter

    counts = Counter()
    for text in texts:
        counts.update(text.replace(" ", "▁"))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [ch for ch, _ in ranked[:size]]


def train_tokenizer(arch: str, vocab_size: int, texts: list[str], numbers: str = "digits"):
    """A BPE tokenizer with byte fallback (any input round-trips), as a transformers fast tokenizer.

    ``numbers``: "digits" splits every digit; "groups" adds every digit group of one to three digits
    ("7", "45", "050", "550") as a token of its own, so '1억 4,550만원' is five tokens that rarely repeat
    within a block; "amounts" adds to those groups every leading group of a Korean amount with the space
    before it and the comma after it (" 1,", " 692", " 15"), so '6억 1,692만원' is `▁6 억 ▁1, 692 만 원`:
    each of its tokens follows a token that occurs once in the figure, so copying it needs to look back
    one token only (BENCHMARKS.md §15, round 9); "runs" lets BPE merge digits like any other characters."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    gemma = arch.startswith("gemma3")
    specials = GEMMA_SPECIALS + (GEMMA_IMAGE_SPECIALS if arch == "gemma3-mm" else []) if gemma else [PHI_EOS]
    tok = Tokenizer(models.BPE(unk_token="<unk>" if gemma else None, byte_fallback=True, fuse_unk=gemma))
    tok.normalizer = normalizers.Replace(" ", "▁")
    # digits one by one: a figure is copied digit by digit, and no merge hides a digit inside a word
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Split("▁", behavior="merged_with_next"),
         pre_tokenizers.Digits(individual_digits=numbers != "runs")]
    )  # fmt: skip
    tok.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse()])
    # Rare characters are left to byte fallback, so merges go to common Korean syllables and words.
    alphabet = common_characters(texts, ALPHABET_SIZE)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=specials + BYTE_TOKENS,
        limit_alphabet=len(alphabet),
        initial_alphabet=alphabet,
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    if numbers in ("groups", "amounts"):
        groups = [f"{n:0{width}d}" for width in (1, 2, 3) for n in range(10**width)]
        tok.add_tokens([AddedToken(g, normalized=False) for g in groups])
    if numbers == "amounts":  # matched on the raw text (a real space), longest first: " 1," before " 1"
        tok.add_tokens([AddedToken(f" {n}{comma}", normalized=False) for n in range(1, 1000) for comma in ("", ",")])
    tok = _bytes_as_ordinary_tokens(tok)
    kwargs = {"tokenizer_object": tok, "eos_token": "<eos>" if gemma else PHI_EOS}
    if gemma:
        kwargs |= {
            "bos_token": "<bos>",
            "pad_token": "<pad>",
            "unk_token": "<unk>",
            "chat_template": GEMMA_CHAT_TEMPLATE,
        }
        kwargs["additional_special_tokens"] = specials[4:]
    else:
        kwargs |= {"bos_token": PHI_EOS, "unk_token": PHI_EOS}  # Phi-2 has no pad token, as the real one
    return PreTrainedTokenizerFast(**kwargs)


def _bytes_as_ordinary_tokens(tok):
    """The trainer puts the 256 byte tokens in the vocabulary only as special tokens; keep them in the
    vocabulary but drop them from the special (added) tokens, as in the real Gemma tokenizer, so
    ``decode(..., skip_special_tokens=True)`` keeps characters that fell back to bytes."""
    from tokenizers import Tokenizer

    data = json.loads(tok.to_str())
    byte_set = set(BYTE_TOKENS)
    data["added_tokens"] = [t for t in data["added_tokens"] if t["content"] not in byte_set]
    return Tokenizer.from_str(json.dumps(data))
