"""Tiny checkpoints: real HF format that transformers, peft and mlx_lm all accept."""

import json

import numpy as np
import pytest

from taxqa.cli import main as taxqa_main
from taxqa.tiny import build_checkpoint, count_parameters, parse_size
from taxqa.tiny_model import ARCHS

KOREAN = "부모로부터 12억 3,456만 7,890원을 증여받았습니다 — 稅 🙂 ㄱㄴ"


def test_help_explains(capsys):
    with pytest.raises(SystemExit) as exc:
        taxqa_main(["demo-model", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "--arch" in out and "gemma3-mm" in out and "--size" in out


def test_top_level_help(capsys):
    assert taxqa_main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("tax", "corpus", "data", "demo-model", "train", "convert", "generate", "lora", "eval", "demo"):
        assert f"  {command} " in out
    assert taxqa_main(["nonsense"]) == 2


def test_bad_size_is_a_user_error(tmp_path, capsys):
    assert taxqa_main(["demo-model", "--arch", "gemma3", "--size", "big", "--out", str(tmp_path / "m")]) == 2
    assert "LAYERSxHIDDEN" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
    assert parse_size("16x1152") == (16, 1152)


@pytest.mark.parametrize("arch", ARCHS)
def test_checkpoint_files_and_tokenizer(tiny_model, arch):
    from transformers import AutoTokenizer

    path = tiny_model(arch)
    names = {p.name for p in path.iterdir()}
    assert {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "generation_config.json",
    } <= names
    assert sum(p.stat().st_size for p in path.iterdir()) < 5 * 2**20
    tok = AutoTokenizer.from_pretrained(path)
    assert len(tok) >= 512
    ids = tok.encode(KOREAN, add_special_tokens=False)
    assert tok.decode(ids) == KOREAN
    # trained on Korean: common syllables are whole tokens, not bytes
    assert len(tok.encode("상속세 및 증여세법", add_special_tokens=False)) <= 6
    if arch.startswith("gemma3"):
        assert "<start_of_turn>" in (path / "chat_template.jinja").read_text()
        config = json.loads((path / "config.json").read_text())
        assert config["vocab_size"] == len(tok)  # mlx_lm's gemma3 wrapper reads the top level
    else:
        assert tok.pad_token is None and not getattr(tok, "chat_template", None)
        config = json.loads((path / "config.json").read_text())
        head_dim = config["hidden_size"] // config["num_attention_heads"]
        rotary = int(config["partial_rotary_factor"] * head_dim)  # as transformers and mlx_lm compute it
        assert rotary > 0 and rotary % 2 == 0 and "rope_theta" in config


def test_tokenizer_is_the_same_from_the_same_text():
    """Characters of equal count at the alphabet's cut (here 400 Hangul syllables seen once each, past
    the 300 the alphabet keeps) are kept by count then character, not in the trainer's hash-map order,
    which changed from one training to the next; two trainings on the same text are one tokenizer."""
    from taxqa.tiny_tokenizer import ALPHABET_SIZE, common_characters, train_tokenizer

    rare = "".join(chr(0xAC00 + 7 * i) for i in range(400))
    texts = ["상속세 및 증여세법 제26조 납부할 세액은 1억 4,550만원입니다.", rare, "증여세 과세표준"] * 3
    first, second = (train_tokenizer("gemma3", 600, texts, "groups") for _ in range(2))
    assert first.backend_tokenizer.to_str() == second.backend_tokenizer.to_str()
    alphabet = common_characters(texts, ALPHABET_SIZE)
    assert len(alphabet) == ALPHABET_SIZE and alphabet[0] == "▁" and "납" in alphabet
    assert alphabet == common_characters(list(reversed(texts)), ALPHABET_SIZE)


def test_deterministic_for_a_seed(tmp_path):
    from safetensors.numpy import load_file

    a = build_checkpoint("phi2", tmp_path / "a", seed=3)
    b = build_checkpoint("phi2", tmp_path / "b", seed=3)
    c = build_checkpoint("phi2", tmp_path / "c", seed=4)
    assert (a / "tokenizer.json").read_text() == (b / "tokenizer.json").read_text()
    wa, wb, wc = (
        load_file(a / "model.safetensors"),
        load_file(b / "model.safetensors"),
        load_file(c / "model.safetensors"),
    )
    assert all(np.array_equal(wa[k], wb[k]) for k in wa)
    assert any(not np.array_equal(wa[k], wc[k]) for k in wa)


def test_size_option_grows_the_model(tmp_path):
    small = count_parameters(build_checkpoint("gemma3", tmp_path / "s"))
    big = count_parameters(build_checkpoint("gemma3", tmp_path / "b", size="3x128"))
    assert big > 2 * small


@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("size", ["2x208", "1x512"])
def test_any_size_builds_a_model_mlx_and_torch_agree_on(arch, size, tiny_model):
    """Head counts divide the width and phi's rotary part stays whole and even at any --size."""
    import mlx.core as mx
    import torch
    from mlx_lm import load
    from transformers import AutoModelForCausalLM

    path = tiny_model(arch, size)
    ids = list(range(3, 40))
    with torch.no_grad():
        torch_logits = AutoModelForCausalLM.from_pretrained(str(path))(torch.tensor([ids])).logits[0].numpy()
    mlx_model, _ = load(str(path))
    # mlx_lm rounds Gemma's sqrt(hidden) embedding scale to bf16 (as Gemma's reference code does),
    # transformers keeps it in fp32: exact only where sqrt(hidden) is a bf16 number (64, 256, ...).
    tolerance = 1e-4 if arch == "phi2" else 2e-3
    assert np.abs(np.array(mlx_model(mx.array([ids]))[0]) - torch_logits).max() < tolerance


def test_multimodal_is_saved_as_transformers_saves_it(tiny_model):
    from safetensors import safe_open

    with safe_open(tiny_model("gemma3-mm") / "model.safetensors", "np") as f:
        keys = list(f.keys())
    assert any("vision_tower" in k for k in keys)
    assert any(k.startswith("language_model.model.layers.") or k.startswith("model.language_model.") for k in keys)
    config = json.loads((tiny_model("gemma3-mm") / "config.json").read_text())
    assert config["architectures"] == ["Gemma3ForConditionalGeneration"]


@pytest.mark.parametrize("arch", ARCHS)
def test_transformers_peft_and_mlx_agree(tiny_model, tmp_path, arch):
    import mlx.core as mx
    import torch
    from mlx_lm import convert, generate, load
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from taxqa.models import GEMMA3_MM_TARGET_REGEX
    from taxqa.prompt import encode_prompt, render_prompt

    path = tiny_model(arch)
    tok = AutoTokenizer.from_pretrained(path)
    ids = encode_prompt(tok, render_prompt(tok, "증여세는 얼마인가요?"))
    model = AutoModelForCausalLM.from_pretrained(path).eval()
    with torch.no_grad():
        torch_logits = model(torch.tensor([ids])).logits[0].numpy()

    targets = GEMMA3_MM_TARGET_REGEX if arch == "gemma3-mm" else ["q_proj", "v_proj"]
    peft_model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, target_modules=targets, init_lora_weights=False))
    assert not any("vision" in n for n, _ in peft_model.named_parameters() if "lora_" in n)
    with torch.no_grad():
        assert not np.allclose(peft_model(torch.tensor([ids])).logits[0].numpy(), torch_logits)

    mlx_model, mlx_tok = load(str(path))
    mlx_logits = np.array(mlx_model(mx.array([ids]))[0])
    assert np.abs(mlx_logits - torch_logits).max() < 1e-4
    assert isinstance(generate(mlx_model, mlx_tok, "증여세", max_tokens=3), str)

    out = tmp_path / "q4"
    convert(str(path), mlx_path=str(out), quantize=True, q_bits=4, q_group_size=32)
    q_model, q_tok = load(str(out))
    assert isinstance(generate(q_model, q_tok, "증여세", max_tokens=3), str)


@pytest.mark.parametrize("arch", ARCHS)
def test_korean_round_trips_with_special_tokens_skipped(tiny_model, arch):
    """Byte-fallback tokens are ordinary tokens (as in the real Gemma tokenizer): skipping the special
    tokens keeps every character that fell back to bytes ("부모님께" stays "부모님께")."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_model(arch))
    text = "부모님께 뷁똠 12억 증여 — 稅 🙂"
    ids = tok.encode(text, add_special_tokens=False)
    assert any(tok.convert_ids_to_tokens(i).startswith("<0x") for i in ids)  # some characters fell back
    assert tok.decode(ids, skip_special_tokens=True) == text
    assert not any(t.startswith("<0x") for t in tok.all_special_tokens)


def test_digits_are_tokens_of_their_own(tiny_model):
    """A figure is copied digit by digit: no merge hides a digit inside a longer token."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_model("gemma3"))
    pieces = tok.tokenize("납부할 증여세: 1억 4,550만원")
    digits = [p for p in pieces if any(c.isdigit() for c in p)]
    assert digits == ["1", "4", "5", "5", "0"], pieces


def _records(path, n=6):
    rows = []
    for i in range(n):
        amount = f"{i + 2}억원"
        rows.append(
            {
                "question": f"부모님에게서 {amount}을 증여받으면 증여세는 얼마인가요?",
                "answer": f"내야 할 증여세는 {i + 1},000만원입니다.\n\n계산 과정은 길게 이어집니다.\n관련 조문: 상속세 및 증여세법 제26조",
                "type": "calc",
                "source": "calculator",
                "grounding": {
                    "articles": [
                        {"citation": "상속세 및 증여세법 제26조", "text": "상속세는 과세표준에 세율을 적용한다."}
                    ],
                    "calculation": None,
                },
            }
        )
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_pretraining_on_records_lowers_the_loss(tmp_path):
    """--train-on: the tokenizer learns the records and --pretrain-steps trains the whole model on them."""
    data = _records(tmp_path / "train.jsonl")
    out = build_checkpoint("gemma3", tmp_path / "m", train_on=data, pretrain_steps=6, pretrain_lr=3e-3)
    info = json.loads((out / "taxqa_tiny.json").read_text())["pretrained"]
    assert info["steps"] == 6 and info["records"] == 6
    assert info["last_loss"] < info["first_loss"]
    from taxqa.prompt import DEFAULT_SYSTEM_PROMPT

    assert info["system_prompt"] == DEFAULT_SYSTEM_PROMPT  # the one generation renders with, unless told
    plain = build_checkpoint("gemma3", tmp_path / "p")
    assert json.loads((plain / "taxqa_tiny.json").read_text())["pretrained"] is None


def test_pretrain_needs_records(tmp_path, capsys):
    out = tmp_path / "m"
    assert taxqa_main(["demo-model", "--arch", "gemma3", "--out", str(out), "--pretrain-steps", "3"]) == 2
    assert "--train-on" in capsys.readouterr().err and not out.exists()
    assert (
        taxqa_main(["demo-model", "--arch", "gemma3", "--out", str(out), "--train-on", str(tmp_path / "no.jsonl")]) == 2
    )
    assert "no such file" in capsys.readouterr().err and not out.exists()


def test_answer_head_keeps_the_figure_and_the_article():
    from taxqa.tiny_pretrain import answer_head

    answer = "내야 할 증여세는 1억원입니다.\n\n1. 과세표준: 5억원\n\n관련 조문: 상속세 및 증여세법 제26조"
    assert answer_head(answer) == "내야 할 증여세는 1억원입니다.\n관련 조문: 상속세 및 증여세법 제26조"


def test_a_random_figure_replaces_the_blocks_last_figure_in_the_answer_too():
    """--pretrain-random-figures: the block's last figure and the answer's, changed alike; the record
    itself untouched; a record whose answer does not state the block's figure is left as it is."""
    import random

    from taxqa.amounts import format_won
    from taxqa.prompt import context_block
    from taxqa.records import QARecord
    from taxqa.tiny_pretrain import with_random_figure

    steps = [{"label": "산출세액", "amount": 150_000_000}, {"label": "납부할 세액", "amount": 145_500_000}]
    grounding = {"articles": [{"citation": "상속세 및 증여세법 제26조", "text": ""}],
                 "calculation": {"result": {"as_of": "2026-01-01", "steps": steps}}}  # fmt: skip
    record = QARecord.from_dict({"question": "현금 7억원을 증여받으면 증여세는 얼마인가요?", "type": "calc",
                                 "answer": "납부할 세액은 1억 4,550만원입니다.\n\n관련 조문: 상속세 및 증여세법 제26조",
                                 "source": "calculator", "grounding": grounding})  # fmt: skip
    rng = random.Random(0)
    seen = set()
    for _ in range(20):
        answer, changed = with_random_figure(record, rng)
        figure = changed["calculation"]["result"]["steps"][-1]["amount"]
        assert 100_000 <= figure <= 10**10 and figure % 10 == 0
        assert answer.startswith(f"납부할 세액은 {format_won(figure)}입니다.") and answer.endswith("제26조")
        assert context_block(changed).splitlines()[-1] == f"- 납부할 세액: {format_won(figure)}"
        assert changed["calculation"]["result"]["steps"][0]["amount"] == 150_000_000
        seen.add(figure)
    assert len(seen) == 20 and steps[-1]["amount"] == 145_500_000
    other = QARecord.from_dict({**record.to_dict(), "answer": "세액을 계산할 수 없습니다."})
    assert with_random_figure(other, rng) is None


def test_the_demo_recipe_options(tmp_path):
    """An amount's digit groups as tokens (a leading group with its space and comma), 4 heads / 4 kv heads,
    rope 1e4, the answer loss alone after a warm-up, no system turn: still a Gemma3 checkpoint that
    transformers and mlx_lm load and agree on, and whose tokenizer gives back the text it cut."""
    import mlx.core as mx
    import torch
    from mlx_lm import load
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from taxqa.tiny_model import Attention

    data = _records(tmp_path / "train.jsonl")
    out = build_checkpoint("gemma3", tmp_path / "m", size="2x128", train_on=data, pretrain_steps=6, pretrain_lr=6e-3,
                           pretrain_loss="answer", pretrain_warmup=3, numbers="amounts", system_prompt="",
                           attention=Attention(4, 4, 10_000.0))  # fmt: skip
    info = json.loads((out / "taxqa_tiny.json").read_text())
    assert info["numbers"] == "amounts" and info["pretrained"]["loss"] == "answer"
    assert info["pretrained"]["system_prompt"] == ""  # examples without a system turn, as the demo trains
    assert info["pretrained"]["corpus_chunks"] == 0  # the answer loss alone: no corpus chunks to learn from
    config = json.loads((out / "config.json").read_text())
    assert (config["num_attention_heads"], config["num_key_value_heads"]) == (4, 4)
    assert config["rope_theta"] == config["rope_local_base_freq"] == 10_000.0
    tok = AutoTokenizer.from_pretrained(out)
    text = "- 납부할 세액: 1억 4,550만 3,000원 (2026-01-01)"
    pieces = tok.convert_ids_to_tokens(tok.encode(text, add_special_tokens=False))
    assert [" 1", " 4,", "550", " 3,", "000"] == [p for p in pieces if p.strip(" ,").isdigit()][:5]
    assert tok.decode(tok.encode(text, add_special_tokens=False)) == text
    ids = tok.encode("납부할 세액: 1억 4,550만원")
    with torch.no_grad():
        torch_logits = AutoModelForCausalLM.from_pretrained(str(out))(torch.tensor([ids])).logits[0].numpy()
    mlx_model, mlx_tok = load(str(out))
    assert np.abs(np.array(mlx_model(mx.array([ids]))[0]) - torch_logits).max() < 2e-3
    stream = mlx_tok.detokenizer  # what mlx_lm's generation decodes with, token by token
    stream.reset()
    for token in tok.encode(text, add_special_tokens=False):
        stream.add_token(token)
    stream.finalize()
    assert stream.text == text
