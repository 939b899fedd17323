"""P3: IP publicity events per year."""

from targets.computation import Context, Outcome, annual_count, calculator, count_outcome

from .models import PublicityEvent


@calculator("P3")
def publicity_events(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(PublicityEvent.objects.all(), "date", year))
