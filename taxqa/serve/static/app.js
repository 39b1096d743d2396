// The taxqa web chat: conversations in localStorage, answers streamed from
// /v1/chat/completions (SSE) and rendered as Markdown, with the grounding panel
// (articles, the calculator's breakdown, what was understood, the figure check).
"use strict";

(function () {
  const STORE = "taxqa.conversations";
  const CURRENT = "taxqa.current";
  const KEY = "taxqa.apiKey";
  const GROUND = "taxqa.ground";
  const FIGURES = [["tax_base", "과세표준"], ["computed_tax", "산출세액"], ["payable", "납부할 세액"]];
  const $ = (id) => document.getElementById(id);
  const md = window.TaxqaMarkdown;

  let conversations = load(STORE, []);
  let current = localStorage.getItem(CURRENT);
  let model = null;
  let controller = null;

  function load(key, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(key));
      return value == null ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }
  function save() {
    localStorage.setItem(STORE, JSON.stringify(conversations));
    if (current) localStorage.setItem(CURRENT, current);
  }
  function conversation() {
    return conversations.find((c) => c.id === current);
  }
  function headers() {
    const h = { "Content-Type": "application/json" };
    const key = $("api-key").value.trim();
    if (key) h.Authorization = "Bearer " + key;
    return h;
  }
  function status(text) {
    $("status").textContent = text || "";
  }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function formatWon(n) {
    if (typeof n !== "number") return String(n);
    const sign = n < 0 ? "-" : "";
    n = Math.abs(Math.round(n));
    const eok = Math.floor(n / 1e8), man = Math.floor((n % 1e8) / 1e4), won = n % 1e4;
    const parts = [];  // "3억 5,000만원": a space between the units, as taxqa.amounts writes them
    if (eok) parts.push(eok.toLocaleString("ko-KR") + "억");
    if (man) parts.push(man.toLocaleString("ko-KR") + "만");
    if (won || !parts.length) parts.push(won.toLocaleString("ko-KR"));
    return sign + parts.join(" ") + "원";
  }
  function describe(value) {
    if (value == null) return "";
    if (typeof value === "string") return value;
    if (typeof value === "number") return value >= 10000 ? formatWon(value) : String(value);
    if (Array.isArray(value)) return value.map(describe).join(", ");
    if (typeof value === "object") {
      if (value.label && "value" in value) return value.label + ": " + describe(value.value);
      return Object.entries(value).map(([k, v]) => k + ": " + describe(v)).join(", ");
    }
    return String(value);
  }

  // -- the grounding panel --------------------------------------------------------------
  function figureWrong(check) {
    return Boolean(check && check.checked && (check.agree === false || check.consistent === false));
  }
  function checkBadge(check) {
    if (!check || !check.checked) return null;
    if (!figureWrong(check)) return el("span", "check agree", "✓ 계산기와 일치");
    return el("span", "check mismatch", "⚠ 계산기와 다름");
  }

  function groundingPanel(message) {
    const g = message.grounding;
    const check = message.check;
    if (!g && !check) return null;
    const panel = el("details", "grounding");
    const summary = el("summary", null, "근거");
    const articles = (g && g.articles) || [];
    const calc = g && g.calculation;
    summary.append(" · 조문 " + articles.length + "개" + (calc ? " · 계산기 (" + (calc.tax_name || calc.kind) + ")" : ""));
    const badge = checkBadge(check);
    if (badge) summary.append(" ", badge);
    panel.append(summary);

    if (figureWrong(check)) {
      panel.append(el("p", "mismatch-detail", "답변의 금액이 계산기 결과와 다릅니다: " + (check.reason || "")));
    }
    // "확인이 필요합니다: ..." (the server's one line) while a fact is lacking or not placed
    const needsCheck = g && g.needs_check;
    if (needsCheck) panel.append(el("p", "missing", needsCheck));
    if (calc && calc.result) {
      const box = el("section", "calc");
      box.append(el("h4", null, "계산기 결과 · " + (calc.tax_name || calc.kind) + (calc.result.as_of ? " (" + calc.result.as_of + " 기준)" : "")));
      const understood = [].concat(calc.understood || []);
      if (understood.length) {
        box.append(el("div", "label", "질문에서 읽은 내용"));
        const ul = el("ul", "understood");
        understood.forEach((u) => ul.append(el("li", null, describe(u))));
        box.append(ul);
      }
      if (needsCheck && g.reference_note) box.append(el("p", "missing", g.reference_note));
      const table = el("table", "steps");
      (calc.result.steps || []).forEach((s) => {
        const tr = el("tr");
        tr.append(el("td", null, s.label), el("td", "amount", formatWon(s.amount)), el("td", "law", s.law || ""));
        table.append(tr);
      });
      FIGURES.forEach(([name, label]) => {
        if (typeof calc.result[name] === "number") {
          const tr = el("tr", "total");
          tr.append(el("td", null, label), el("td", "amount", formatWon(calc.result[name])), el("td", "law"));
          table.append(tr);
        }
      });
      box.append(table);
      const assumptions = calc.assumptions || [];
      if (assumptions.length) {
        box.append(el("div", "label", "가정"));
        const ul = el("ul", "assumptions");
        assumptions.forEach((a) => ul.append(el("li", null, describe(a))));
        box.append(ul);
      }
      panel.append(box);
    }
    if (articles.length) {
      const box = el("section", "articles");
      box.append(el("h4", null, "참고 조문"));
      const ul = el("ul");
      articles.forEach((a) => {
        const li = el("li", "article");
        li.append(el("span", "citation", a.citation));
        if (a.title) li.append(" ", el("span", "title", "(" + a.title + ")"));
        if (a.clause) li.append(" ", el("span", "clause", a.clause));
        if (a.effective_date) li.append(" ", el("span", "muted", "시행 " + a.effective_date));
        const button = el("button", "show-text", "본문 보기");
        button.type = "button";
        const text = el("div", "article-text", a.text || "");
        text.hidden = true;
        button.addEventListener("click", () => {
          text.hidden = !text.hidden;
          button.textContent = text.hidden ? "본문 보기" : "본문 닫기";
        });
        li.append(" ", button, text);
        ul.append(li);
      });
      box.append(ul);
      panel.append(box);
    }
    return panel;
  }

  // -- rendering ------------------------------------------------------------------------
  function renderMessage(message) {
    const node = el("article", "message " + message.role);
    const body = el("div", "body");
    if (message.role === "assistant") body.innerHTML = md.render(message.content);
    else body.textContent = message.content;
    node.append(body);
    if (message.error) node.append(el("p", "error", message.error));
    if (message.role === "assistant") {
      const panel = groundingPanel(message);
      if (panel) node.append(panel);
    }
    return node;
  }

  function renderMessages() {
    const box = $("messages");
    box.replaceChildren();
    const c = conversation();
    if (!c || !c.messages.length) {
      box.append(el("p", "muted", "세금 질문을 입력하세요. 예: 부모님께 5억원을 증여받으면 증여세는 얼마인가요?"));
      return;
    }
    c.messages.forEach((m) => box.append(renderMessage(m)));
    box.scrollTop = box.scrollHeight;
  }

  function renderList() {
    const list = $("conversations");
    list.replaceChildren();
    conversations.forEach((c) => {
      const li = el("li", c.id === current ? "active" : "");
      const open = el("button", "open", c.title || "새 대화");
      open.type = "button";
      open.addEventListener("click", () => {
        current = c.id;
        save();
        renderAll();
        document.body.classList.remove("menu-open");
      });
      const del = el("button", "delete", "×");
      del.type = "button";
      del.title = "대화 삭제";
      del.addEventListener("click", () => {
        conversations = conversations.filter((x) => x.id !== c.id);
        if (current === c.id) current = conversations.length ? conversations[0].id : null;
        save();
        renderAll();
      });
      li.append(open, del);
      list.append(li);
    });
  }

  function renderAll() {
    renderList();
    renderMessages();
  }

  function newConversation() {
    const c = { id: String(Date.now()) + Math.random().toString(16).slice(2, 6), title: "", messages: [] };
    conversations.unshift(c);
    current = c.id;
    save();
    renderAll();
    return c;
  }

  // -- talking to the server ------------------------------------------------------------
  async function fetchModel() {
    try {
      const r = await fetch("/v1/models", { headers: headers() });
      if (r.status === 401) {
        status("API 키가 필요합니다. 왼쪽 설정에 입력하세요.");
        return null;
      }
      const data = await r.json();
      model = data.data[0].id;
      $("model-name").textContent = "모델: " + model;
      status("");
      return model;
    } catch (e) {
      status("서버에 연결할 수 없습니다.");
      return null;
    }
  }

  async function* sseEvents(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let at;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        for (const line of block.split("\n")) {
          if (line.startsWith("data:")) yield line.slice(5).trim();
        }
      }
    }
  }

  async function send(question) {
    const c = conversation() || newConversation();
    if (!model && !(await fetchModel())) return;
    const history = c.messages.filter((m) => !m.error).map((m) => ({ role: m.role, content: m.content }));
    c.messages.push({ role: "user", content: question });
    if (!c.title) c.title = question.slice(0, 30);
    const answer = { role: "assistant", content: "", grounding: null, check: null };
    c.messages.push(answer);
    save();
    renderAll();
    const node = $("messages").lastElementChild;
    const body = node.querySelector(".body");
    node.classList.add("streaming");
    const ground = $("ground-toggle").checked;
    controller = new AbortController();
    $("send").hidden = true;
    $("stop").hidden = false;
    status("답변을 생성하는 중…");
    try {
      const response = await fetch("/v1/chat/completions", {
        method: "POST",
        headers: headers(),
        signal: controller.signal,
        body: JSON.stringify({
          model: model,
          messages: history.concat([{ role: "user", content: question }]),
          stream: true,
          ground: ground,
          return_grounding: true,
        }),
      });
      if (!response.ok) {
        let message = "HTTP " + response.status;
        try {
          message = (await response.json()).error.message;
        } catch (e) { /* not JSON */ }
        if (response.status === 503) message = "서버가 바쁩니다. 잠시 후 다시 시도하세요. (" + message + ")";
        if (response.status === 401) message = "API 키가 필요하거나 틀렸습니다.";
        throw new Error(message);
      }
      for await (const data of sseEvents(response)) {
        if (data === "[DONE]") break;
        const event = JSON.parse(data);
        if (event.error) throw new Error(event.error.message);
        if (event.taxqa && event.taxqa.grounding !== undefined) answer.grounding = event.taxqa.grounding;
        if (event.taxqa && event.taxqa.check !== undefined) answer.check = event.taxqa.check;
        const choice = (event.choices || [])[0];
        if (choice && choice.delta && choice.delta.content) {
          answer.content += choice.delta.content;
          body.innerHTML = md.render(answer.content);
          $("messages").scrollTop = $("messages").scrollHeight;
        }
        if (choice && choice.finish_reason) answer.finish = choice.finish_reason;
      }
      status(answer.finish === "length" ? "최대 길이에서 답변이 잘렸습니다." : "");
    } catch (e) {
      if (e.name === "AbortError") {
        answer.finish = "cancelled";
        status("답변을 중지했습니다.");
      } else {
        answer.error = "오류: " + e.message;
        status(answer.error);
      }
    } finally {
      controller = null;
      $("send").hidden = false;
      $("stop").hidden = true;
      save();
      renderMessages();
    }
  }

  // -- wiring -------------------------------------------------------------------------------
  $("api-key").value = localStorage.getItem(KEY) || "";
  $("api-key").addEventListener("change", () => {
    localStorage.setItem(KEY, $("api-key").value.trim());
    model = null;
    fetchModel();
  });
  $("ground-toggle").checked = load(GROUND, true);
  $("ground-toggle").addEventListener("change", () => localStorage.setItem(GROUND, JSON.stringify($("ground-toggle").checked)));
  $("new-chat").addEventListener("click", () => {
    newConversation();
    document.body.classList.remove("menu-open");
    $("input").focus();
  });
  $("menu").addEventListener("click", () => document.body.classList.toggle("menu-open"));
  $("stop").addEventListener("click", () => controller && controller.abort());
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("input").value.trim();
    if (!question || controller) return;
    $("input").value = "";
    send(question);
  });
  $("input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  if (!conversation()) current = conversations.length ? conversations[0].id : null;
  renderAll();
  fetchModel();
})();
