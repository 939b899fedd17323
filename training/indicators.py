"""P3 (publicity events per year) and M5 (training rate of the key enterprises' IP staff)."""

from targets.computation import Context, Outcome, annual_count, calculator, count_outcome, ratio

from .models import Person, PublicityEvent


@calculator("P3")
def publicity_events(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(PublicityEvent.objects.all(), "date", year))


def key_ip_staff():
    """M5's people: the IP staff on the roster of high-tech, specialised, listing-reserve and tech-SME enterprises.

    The roster and the flags are as they are now (neither is kept with a history)."""
    return Person.objects.ip_staff().of_key_enterprises()


@calculator("M5")
def ip_staff_training_rate(ctx: Context, year: int) -> Outcome:
    staff = key_ip_staff()
    trained = staff.trained_in(year).count()
    return ratio(trained, staff.count(), trained=trained)
