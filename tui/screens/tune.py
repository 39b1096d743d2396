"""Tune: run `taxqa lora` on a dataset folder, with a live loss curve and tokens/s.

The run is a subprocess (`python -m taxqa.cli lora ...`), so training never shares the
chat's model thread or blocks the UI; the screen tails the adapter's train_log.jsonl.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import os
import re
import sys
import time
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.validation import Number
from textual.widgets import Button, Footer, Header, Input, Label, Log
from textual_plotext import PlotextPlot

from tui.settings import Settings

LOG_FILE = "train_log.jsonl"


def lora_command(model: str, data: str, adapter_path: str, iters: int, batch_size: int) -> list[str]:
    report = max(1, iters // 50)  # about 50 points on the curve
    return [
        sys.executable, "-m", "taxqa.cli", "lora", "--model", model, "--data", data, "--adapter-path", adapter_path,
        "--iters", str(iters), "--batch-size", str(batch_size), "--steps-per-report", str(report),
        "--save-every", str(iters), "--steps-per-eval", str(max(report, iters // 5)),
    ]  # fmt: skip


class LogTail:
    """New complete JSON lines of a growing file (a half-written last line waits for the next read)."""

    def __init__(self, path: Path):
        self.path, self.offset = Path(path), 0

    def read(self) -> list[dict]:
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self.offset)
                data = fh.read()
        except FileNotFoundError:
            return []
        end = data.rfind(b"\n") + 1
        self.offset += end
        rows = []
        for line in data[:end].decode("utf-8", errors="replace").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                rows.append(row)
        return rows


class TuneScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "뒤로"), Binding("ctrl+s", "start", "학습 시작")]
    DEFAULT_CSS = """
    TuneScreen #form { height: auto; padding: 0 1; }
    TuneScreen #form Horizontal { height: auto; }
    TuneScreen #form Input { width: 1fr; }
    TuneScreen #form .short { width: 16; }
    TuneScreen #form Label { width: 14; padding: 1 1 0 0; }
    TuneScreen #buttons { height: auto; padding: 0 1; }
    TuneScreen Button { margin-right: 2; }
    TuneScreen #progress { padding: 0 1; height: 1; }
    TuneScreen PlotextPlot { height: 1fr; min-height: 10; }
    TuneScreen Log { height: 8; border-top: solid $panel-lighten-2; }
    """

    def __init__(self, settings: Settings, data_dir: Path) -> None:
        super().__init__()
        self.settings, self.data_dir = settings, Path(data_dir)
        self.train_points: list[tuple[int, float]] = []
        self.val_points: list[tuple[int, float]] = []
        self.process: asyncio.subprocess.Process | None = None
        self.adapter_path = ""
        self.model_name = ""
        self.returncode: int | None = None
        self.stats_text = ""

    def compose(self) -> ComposeResult:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        yield Header()
        yield Label("LoRA 튜닝 (taxqa lora)", classes="screen-title")
        with Vertical(id="form"):
            with Horizontal():
                yield Label("기반 모델")
                yield Input(self.settings.model, placeholder="레지스트리 이름 또는 모델 폴더", id="tune-model")
            with Horizontal():
                yield Label("데이터 폴더")
                yield Input(placeholder="train.jsonl, valid.jsonl이 있는 폴더", id="tune-data")
            with Horizontal():
                yield Label("어댑터 저장")
                yield Input(str(self.data_dir / "adapters" / stamp), id="tune-out")
            with Horizontal():
                yield Label("반복 횟수")
                yield Input("200", type="integer", validators=[Number(1, 10**6)], id="tune-iters", classes="short")
                yield Label("배치 크기")
                yield Input("4", type="integer", validators=[Number(1, 1024)], id="tune-batch", classes="short")
        with Horizontal(id="buttons"):
            yield Button("학습 시작", variant="primary", id="start")
            yield Button("중지", variant="error", id="stop", disabled=True)
            yield Button("이 어댑터로 대화", variant="success", id="use", disabled=True)
        yield Label("학습 전", id="progress")
        yield PlotextPlot(id="loss-plot")
        yield Log(id="tune-log", max_lines=500)
        yield Footer()

    def on_mount(self) -> None:
        self.draw()

    # -- running ------------------------------------------------------------------------
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if self.process is not None:
            self.notify("이미 학습 중입니다.", severity="warning")
            return
        model = self.query_one("#tune-model", Input).value.strip()
        data = self.query_one("#tune-data", Input).value.strip()
        out = self.query_one("#tune-out", Input).value.strip()
        iters, batch = self.query_one("#tune-iters", Input), self.query_one("#tune-batch", Input)
        if not model or not data or not out:
            self.notify("기반 모델, 데이터 폴더, 어댑터 저장 위치를 모두 채우세요.", severity="error")
            return
        if not (Path(data) / "train.jsonl").is_file():
            self.notify(f"{data}에 train.jsonl이 없습니다.", severity="error")
            return
        if not (iters.is_valid and batch.is_valid):
            self.notify("반복 횟수와 배치 크기는 1 이상의 정수여야 합니다.", severity="error")
            return
        self.train_points, self.val_points, self.returncode, self.stats_text = [], [], None, ""
        self.adapter_path, self.model_name = out, model
        command = lora_command(model, data, out, int(iters.value), int(batch.value))
        self.query_one(Log).clear()
        self.query_one("#start", Button).disabled = True
        self.query_one("#stop", Button).disabled = False
        self.query_one("#use", Button).disabled = True
        self.query_one("#progress", Label).update("학습 시작 중…")
        self.draw()
        self.run_worker(self.train(command, Path(out)), group="tune", exclusive=True)

    async def train(self, command: list[str], out: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = await asyncio.create_subprocess_exec(
            *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, env=env
        )
        output = asyncio.create_task(self.pump_output(self.process.stdout))
        tail = LogTail(out / LOG_FILE)
        try:
            while self.process.returncode is None:
                try:
                    await asyncio.wait_for(self.process.wait(), 0.5)
                except asyncio.TimeoutError:
                    pass
                self.add_rows(tail.read())
            await output
            self.add_rows(tail.read())
        finally:
            if self.process.returncode is None:  # the screen went away: do not leave a stray trainer
                self.process.kill()
        self.done(self.process.returncode)

    async def pump_output(self, stream: asyncio.StreamReader) -> None:
        """Copy the trainer's output to the log; progress bars redraw with \\r, so both end a line."""
        log, pending = self.query_one(Log), ""
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")  # a chunk can end mid-character
        while data := await stream.read(4096):
            pending += decoder.decode(data)
            *lines, pending = re.split(r"[\r\n]", pending)
            for line in lines:
                if line := Text.from_ansi(line).plain.strip():
                    log.write_line(line)
        if pending.strip():
            log.write_line(Text.from_ansi(pending).plain.strip())

    def add_rows(self, rows: list[dict]) -> None:
        if not rows:
            return
        for row in rows:
            if "train_loss" in row:
                self.train_points.append((row["iter"], row["train_loss"]))
            if "val_loss" in row:
                self.val_points.append((row["iter"], row["val_loss"]))
        last_train = next((r for r in reversed(rows) if "train_loss" in r), None)
        parts = [f"반복 {rows[-1].get('iter', 0)}/{rows[-1].get('iters', '?')}"]
        if self.train_points:
            parts.append(f"학습 손실 {self.train_points[-1][1]:.3f}")
        if self.val_points:
            parts.append(f"검증 손실 {self.val_points[-1][1]:.3f}")
        if last_train is not None:
            parts.append(f"{last_train.get('tokens_per_sec', 0):.0f} 토큰/초")
            parts.append(f"메모리 {last_train.get('peak_memory_gb', 0):.2f} GB")
        self.stats_text = " · ".join(parts)
        self.query_one("#progress", Label).update(self.stats_text)
        self.draw()

    def draw(self) -> None:
        plot_widget = self.query_one(PlotextPlot)
        plt = plot_widget.plt
        plt.clear_data()
        plt.title("손실 (loss)")
        plt.xlabel("iter")
        if self.train_points:
            plt.plot(*zip(*self.train_points), label="train", marker="braille")
        if self.val_points:
            plt.plot(*zip(*self.val_points), label="valid", marker="braille")
        plot_widget.refresh()

    def done(self, returncode: int) -> None:
        self.process, self.returncode = None, returncode
        self.query_one("#start", Button).disabled = False
        self.query_one("#stop", Button).disabled = True
        progress = self.query_one("#progress", Label)
        if returncode == 0:
            self.app.adapter_trained(self.adapter_path)
            self.query_one("#use", Button).disabled = False
            progress.update(f"완료 · {self.stats_text} · 어댑터 {self.adapter_path} (설정의 어댑터 목록에 추가됨)")
            self.notify("학습이 끝났습니다. 새 어댑터를 고를 수 있습니다.")
        else:
            progress.update(f"학습 실패 (종료 코드 {returncode}) — 아래 기록을 확인하세요")
            self.notify("학습이 실패했습니다.", severity="error")

    @on(Button.Pressed, "#stop")
    def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()

    @on(Button.Pressed, "#use")
    def use_adapter(self) -> None:
        self.app.load_model(self.model_name, self.adapter_path)
        self.app.pop_screen()
