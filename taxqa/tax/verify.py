"""Old import path of the dispatch, question reading and answer checking (now in
taxqa.tax.compute, taxqa.tax.reading and taxqa.tax.checking); kept for callers outside taxqa.tax."""

from taxqa.tax.checking import FIELD_LABELS, Verdict, check_answer
from taxqa.tax.compute import compute
from taxqa.tax.reading import Scenario, scenario_from_question
from taxqa.tax.render import render_answer

__all__ = ["FIELD_LABELS", "Scenario", "Verdict", "check_answer", "compute", "render_answer", "scenario_from_question"]
