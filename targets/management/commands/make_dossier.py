from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from targets.dossier import render
from targets.models import Plan


class Command(BaseCommand):
    help = (
        "Write the assessment dossier (考核材料) of a year, or of the whole plan (YEAR 'all' or --plan), "
        "as DOCX or PDF by the extension of --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", nargs="?", help="a year of the plan, or 'all' for the whole plan")
        parser.add_argument("--plan", action="store_true", help="the whole plan (the same as YEAR 'all')")
        parser.add_argument("--output", required=True, help="the file to write: .docx or .pdf")

    def handle(self, *args, **options):
        plan = Plan.objects.current()
        if plan is None:
            raise CommandError("There is no current plan.")
        output = Path(options["output"])
        fmt = output.suffix.lower().lstrip(".")
        if fmt not in ("docx", "pdf"):
            raise CommandError(f"--output {output}: the name must end in .docx or .pdf")
        value = options["year"]
        if options["plan"] or value == "all":
            year = None
        elif value is None:
            raise CommandError("Give a YEAR of the plan, 'all' or --plan.")
        else:
            try:
                year = int(value)
            except ValueError:
                raise CommandError(f"YEAR {value!r}: a year of the plan or 'all'") from None
            if not plan.first_year <= year <= plan.last_year:
                raise CommandError(f"YEAR {year}: the plan runs {plan.first_year}–{plan.last_year}")
        if not output.parent.exists():
            raise CommandError(f"--output {output}: the folder {output.parent} does not exist")
        data = render(plan, year, fmt)
        output.write_bytes(data)
        self.stdout.write(f"{output}: {len(data):,} bytes")
