"""P1 (flagged infringement cases per year) and P2 (public satisfaction)."""

from django.db.models import Count, Q

from targets.computation import Context, Outcome, annual_count, calculator, count_outcome, ratio

from .models import Case, Survey


@calculator("P1")
def flagged_cases(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(Case.objects.flagged(), "filed_date", year))


@calculator("P2")
def satisfaction(ctx: Context, year: int) -> Outcome:
    survey = Survey.objects.filter(year=year).first()
    if survey is None:
        return Outcome(None, reason="no_survey", inputs={"year": year})
    if survey.reported_result is not None:
        return Outcome(survey.reported_result, inputs={"source": survey.source, "reported": True})
    counts = survey.responses.aggregate(total=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True)))
    return ratio(counts["satisfied"], counts["total"], satisfied=counts["satisfied"], responses=counts["total"])
