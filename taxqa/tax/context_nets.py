"""The nets that read a question's context around the facts placed: the year and dates said, the people said
and of whom, and whether the kind fits what the question talks about. Each flags only when the fact it finds
would change the figure (`taxqa.tax.signals.changes_figure`); `taxqa.tax.nets.run` calls them last."""

from __future__ import annotations

from taxqa.tax import kind_nets, people_nets, time_nets


def run(reading) -> None:
    time_nets.flag_year_not_used(reading)
    time_nets.flag_dates_not_used(reading)
    people_nets.flag_unused_people(reading)
    people_nets.flag_said_of_another(reading)
    people_nets.flag_spouse_away(reading)
    people_nets.flag_generation_unread(reading)
    people_nets.flag_in_law_as_own_child(reading)
    kind_nets.flag_gift_from_work(reading)
