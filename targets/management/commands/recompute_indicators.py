from django.core.management.base import BaseCommand

from targets.recompute import recompute


class Command(BaseCommand):
    help = "Recompute the stored indicator values: one year, or every year of the current plan."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="only this year")

    def handle(self, *args, **options):
        run = recompute([options["year"]] if options["year"] else None, trigger="command")
        elapsed = (run.finished_at - run.started_at).total_seconds()
        self.stdout.write(
            f"{run.values_written} values for {', '.join(map(str, run.years))} in {elapsed:.2f} s ({run.queries} queries)"
        )
