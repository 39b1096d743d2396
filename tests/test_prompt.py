"""The one prompt renderer, on the tiny models' real tokenizers (both prompt styles)."""

import pytest

from taxqa import prompt


@pytest.fixture(scope="module")
def tokenizers(tiny_model):
    from transformers import AutoTokenizer

    return {arch: AutoTokenizer.from_pretrained(tiny_model(arch)) for arch in ("gemma3", "phi2")}


def test_plain_format_for_models_without_template(tokenizers):
    tok = tokenizers["phi2"]
    assert not prompt.has_chat_template(tok)
    assert prompt.render_prompt(tok, "증여세는?") == "### 질문: 증여세는?\n\n### 답변: "
    ex = prompt.render_example(tok, "증여세는?", "6억 140만원입니다.")
    assert ex.text == "### 질문: 증여세는?\n\n### 답변: 6억 140만원입니다.<|endoftext|>"
    with_history = prompt.render_prompt(tok, "그럼 배우자는?", system="세법 전문가", history=[("증여세는?", "6억")])
    assert (
        with_history == "세법 전문가\n\n### 질문: 증여세는?\n\n### 답변: 6억\n\n### 질문: 그럼 배우자는?\n\n### 답변: "
    )


def test_chat_template_for_gemma(tokenizers):
    tok = tokenizers["gemma3"]
    assert prompt.has_chat_template(tok)
    p = prompt.render_prompt(tok, "증여세는?", system="세법 전문가")
    assert p == "<bos><start_of_turn>user\n세법 전문가\n\n증여세는?<end_of_turn>\n<start_of_turn>model\n"
    assert prompt.answer_terminator(tok) == "<end_of_turn>"


@pytest.mark.parametrize("arch,terminator", [("gemma3", "<end_of_turn>"), ("phi2", "<|endoftext|>")])
def test_encode_example_masks_prompt_and_keeps_terminator(tokenizers, arch, terminator):
    tok = tokenizers[arch]
    ids, start = prompt.encode_example(tok, "부모로부터 20억원을 받으면?", "증여세는 6억 140만원입니다.")
    assert 0 < start < len(ids)
    assert ids[:start] == prompt.encode_prompt(tok, prompt.render_prompt(tok, "부모로부터 20억원을 받으면?"))
    assert tok.decode(ids[start:]) == "증여세는 6억 140만원입니다." + terminator
    assert ids[-1] == tok.convert_tokens_to_ids(terminator)
    # BOS appears once for template models (the template writes it)
    if tok.bos_token_id is not None and arch == "gemma3":
        assert ids.count(tok.bos_token_id) == 1


def test_encode_example_truncates_but_keeps_some_answer(tokenizers):
    tok = tokenizers["gemma3"]
    ids, start = prompt.encode_example(tok, "질문 " * 200, "답 " * 200, max_length=64)
    assert len(ids) == 64 and start < 64


def test_chat_messages_layout():
    row = prompt.chat_messages("q", "a", system="s")
    assert row == {
        "messages": [
            {"role": "system", "content": "s"},
            {"role": "user", "content": "q"},
            {"role": "assistant", "content": "a"},
        ]
    }


def test_the_model_reads_what_needs_checking_with_the_calculation():
    from taxqa.case import read_case
    from taxqa.prompt import context_block

    case = read_case("아버지가 저한테 1억, 누나한테 2억 줬어요. 증여세 각각 얼마예요?", retrieve=False)
    block = context_block(case.grounding())
    flagged = [line for line in block.splitlines() if line.startswith("확인이 필요합니다: ")]
    assert flagged and any("누가 얼마를" in line for line in flagged)
    assert not any(line.startswith("빠진 사실: ") and "누가 얼마를" in line for line in block.splitlines())  # said once
    assert "확인이 필요합니다" not in context_block(
        read_case("아버지께 1억 증여받음. 증여세?", retrieve=False).grounding()
    )


def test_an_article_without_text_is_its_one_line_reference():
    from taxqa.prompt import context_block

    block = context_block({"articles": [{"citation": "소득세법 제55조", "title": "세율", "text": ""}]})
    assert block == "[참고 조문]\n\n1. 소득세법 제55조 (세율)"
