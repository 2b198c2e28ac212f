"""The columns of the progress bar (see :mod:`corpuscli.cli.progress`) that rich does not have:
done / total in the step's unit, and the rate. Apart, so that a run that draws no bar never
imports rich's progress module."""

from __future__ import annotations

from rich.filesize import decimal
from rich.progress import ProgressColumn, Task
from rich.text import Text

from corpuscli.progress import STEP


def _amount(value: float, unit: str) -> str:
    return decimal(int(value)) if unit == "bytes" else f"{int(value):,}"


class Count(ProgressColumn):
    """done/total unit (``12,000/37,554 articles``, ``1.2 GB/3.4 GB``)."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit", "")
        if unit == STEP:
            return Text("")
        done = _amount(task.completed, unit)
        total = f"/{_amount(task.total, unit)}" if task.total else ""
        shown_unit = "" if unit == "bytes" else f" {unit}"
        return Text(f"{done}{total}{shown_unit}", style="progress.download")


class Rate(ProgressColumn):
    """How fast (``150 articles/s``, ``12.3 MB/s``)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        unit = task.fields.get("unit", "")
        if not speed or unit == STEP:
            return Text("")
        per = "/s" if unit == "bytes" else f" {unit}/s"
        return Text(f"{_amount(speed, unit)}{per}", style="progress.data.speed")
