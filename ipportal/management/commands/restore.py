from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ipportal import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup`, replacing the content of the portal's database "
        "(or of the database given with --database-url)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--database-url", help="restore into this database instead, e.g. a fresh one to check")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, file: Path, database_url: str | None, interactive: bool, **options):
        target = backup.target_settings(database_url)["NAME"]
        if interactive:
            answer = input(f"This replaces everything in the database {target}. Type 'yes' to go on: ")
            if answer.strip() != "yes":
                raise CommandError("Restore cancelled.")
        backup.restore(file, database_url)
        counts = backup.row_counts(database_url)
        self.stdout.write(f"restored {file} into {target}: {len(counts)} tables, {sum(counts.values()):,} rows")
