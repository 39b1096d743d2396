"""The web chat page in a real headless browser: Debian's chromium driven by playwright.

`make test` installs chromium where it is missing (`make browser`); this test never skips:
without a browser it fails and says how to get one.
"""

from __future__ import annotations

import os
import shutil

import pytest
from serve_fixtures import serve_tiny

from taxqa.tax.reading import scenario_from_question

GIFT = "부모님께 5억원을 증여받으면 증여세는 얼마인가요?"
SPLIT_GIFT = "아버지가 저한테 1억, 누나한테 2억 줬어요. 증여세 각각 얼마예요?"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"


def browser_path() -> str:
    found = os.environ.get("TAXQA_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    found = found or (MAC_CHROME if os.access(MAC_CHROME, os.X_OK) else None)
    if not found:
        pytest.fail("no chromium on PATH: run `make browser` (apt-get install chromium) or set TAXQA_CHROMIUM")
    return found


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=browser_path())
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def local_server(tiny_model):
    for server, _, _ in serve_tiny(tiny_model, "--default-max-tokens", "24"):
        yield server


def ask(page, question: str) -> None:
    """Send ``question`` and wait until its answer has finished (streaming over, the send button back)."""
    before = page.locator(".message.assistant").count()
    page.fill("#input", question)
    page.press("#input", "Enter")
    page.wait_for_function(
        f"""document.querySelectorAll('.message.assistant').length > {before}
            && !document.querySelector('.message.streaming') && !document.querySelector('#send').hidden""",
        timeout=120_000,
    )


def test_streamed_answer_grounding_panel_and_saved_conversation(browser, local_server):
    page = browser.new_page()
    page.goto(local_server.url + "/")
    page.wait_for_function("document.querySelector('#model-name').textContent.includes('모델')")
    page.evaluate(
        """() => { window.updates = 0;
        new MutationObserver(() => window.updates++).observe(document.querySelector('#messages'),
            {subtree: true, childList: true, characterData: true}); }"""
    )
    ask(page, GIFT)
    answer = page.locator(".message.assistant").last
    assert answer.locator(".body").inner_text().strip()  # the model's answer, rendered
    assert page.evaluate("window.updates") > 5  # it arrived in pieces, not at once
    assert not answer.locator(".error").count()

    panel = answer.locator("details.grounding")
    panel.locator("summary").click()
    assert "조문" in panel.locator("summary").inner_text()
    articles = panel.locator("li.article")
    assert articles.count() >= 1
    first = articles.first
    assert first.locator(".article-text").is_hidden()
    first.locator("button.show-text").click()  # the article's text on demand
    assert first.locator(".article-text").is_visible() and len(first.locator(".article-text").inner_text()) > 20
    calc = panel.locator("section.calc")
    assert "증여세" in calc.inner_text() and "질문에서 읽은 내용" in calc.inner_text()
    expected = scenario_from_question(GIFT).compute().payable
    total = calc.locator("tr.total", has_text="납부할 세액").inner_text()
    assert f"{expected // 10_000:,}만원" in total  # 7,760만원, the calculator's figure
    assert not panel.locator("p.missing").count()  # every fact placed: nothing to check

    ask(page, SPLIT_GIFT)  # computed on one sum: shown as a reference, with what to check first
    flagged = page.locator(".message.assistant").last.locator("details.grounding")
    flagged.locator("summary").click()
    assert flagged.locator("p.missing").first.inner_text().startswith("확인이 필요합니다: ")
    assert "참고 계산" in flagged.locator("section.calc").inner_text()

    page.reload()  # the conversation is kept in the browser
    page.wait_for_selector(".message.assistant")
    assert GIFT[:20] in page.locator("#conversations").inner_text()
    assert page.locator(".message.user").first.inner_text() == GIFT
    assert page.locator(".message.assistant details.grounding").count() == 2
    page.close()


@pytest.fixture
def keyed_upstream_front():
    """A front with an API key over a stand-in upstream whose answer is Markdown with a chosen figure."""
    from llm_server import LLMServer

    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    right = scenario_from_question(GIFT).compute().payable
    figure = {"won": right + 50_000_000}

    def responder(api, body):
        return f"## 결론\n\n**납부할 세액**은 {figure['won']:,}원입니다.\n\n- 증여재산공제 5천만원\n- 세율 20%"

    with LLMServer(responder=responder) as upstream:
        args = build_parser("taxqa serve").parse_args(
            ["--model", "taxqa", "--upstream", upstream.openai_base_url, "--api-key", "page-key"]
        )
        worker = make_worker(args)
        server = BackgroundServer(make_app(args, worker))
        yield server, figure, right
        server.close()


def test_markdown_red_mark_on_a_wrong_figure_and_api_key(browser, keyed_upstream_front):
    server, figure, right = keyed_upstream_front
    page = browser.new_page()
    page.goto(server.url + "/")
    page.wait_for_function("document.querySelector('#status').textContent.includes('API 키')")
    page.fill("#api-key", "page-key")
    page.dispatch_event("#api-key", "change")
    page.wait_for_function("document.querySelector('#model-name').textContent.includes('taxqa')")

    ask(page, GIFT)
    answer = page.locator(".message.assistant").last
    assert answer.locator(".body strong", has_text="납부할 세액").count() == 1  # Markdown, not raw asterisks
    assert answer.locator(".body li").count() == 2 and answer.locator(".body h4").count() == 1
    mark = answer.locator("summary .check.mismatch")
    assert mark.is_visible() and "다름" in mark.inner_text()
    color = mark.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(207, 34, 46)"  # red
    answer.locator("summary").click()
    assert answer.locator(".mismatch-detail").is_visible()

    figure["won"] = right  # the next answer states the calculator's figure
    ask(page, "다시 답해 주세요. " + GIFT)
    last = page.locator(".message.assistant").last
    assert last.locator("summary .check.agree").is_visible() and not last.locator(".check.mismatch").count()
    page.close()


def test_usable_at_phone_width(browser, local_server):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(local_server.url + "/")
    page.wait_for_function("document.querySelector('#model-name').textContent.includes('모델')")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert page.locator("#menu").is_visible()
    sidebar_right = page.evaluate("document.querySelector('#sidebar').getBoundingClientRect().right")
    assert sidebar_right <= 0  # the conversation list is tucked away
    page.click("#menu")
    page.wait_for_function("document.querySelector('#sidebar').getBoundingClientRect().left >= 0")
    page.click("#new-chat")
    input_box = page.locator("#input").bounding_box()
    send_box = page.locator("#send").bounding_box()
    assert input_box["width"] > 200 and send_box["x"] + send_box["width"] <= 390
    ask(page, "증여세란?")
    assert page.locator(".message.assistant").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
