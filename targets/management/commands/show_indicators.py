import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from targets.models import Plan
from targets.values import json_row, value_rows


def display(number) -> str:
    if number is None:
        return "—"
    if isinstance(number, int):
        return f"{number:,}"
    return f"{number:,.2f}"


class Command(BaseCommand):
    help = "Show the stored indicator values of a year, as a table or as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--area", help="only this area (creation, utilization, protection, management)")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE)

    def handle(self, *args, **options):
        translation.activate(options["lang"])
        plan = Plan.objects.for_year(options["year"])
        if plan is None:
            raise CommandError("No plan is defined.")
        rows = [json_row(row) for row in value_rows(plan, options["year"], options["area"])]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        english = options["lang"].startswith("en")
        approved = translation.pgettext("figures", "approved")
        for row in rows:
            name = row["name_en"] if english else row["name_zh"]
            value = display(row["value"]) if row["value"] is not None else row["reason"]
            self.stdout.write(
                f"{row['code']:<4} {name[:40]:<40} {value:>18}  {row['direction']} {display(row['target'])}  {row['status']}"
                + (f"  {approved} ({display(row['computed'])})" if row["approved"] else "")
            )
