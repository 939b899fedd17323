from pathlib import Path

from django.core.management.base import BaseCommand

from ipportal import backup


class Command(BaseCommand):
    help = "Back up the portal's database to a file (pg_dump custom format on PostgreSQL, a copy on SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="where to write the backup, e.g. ipportal-2025-03-05.dump")

    def handle(self, *args, file: Path, **options):
        backup.backup(file)
        counts = backup.row_counts()
        self.stdout.write(
            f"{file}: {file.stat().st_size / 2**20:.1f} MiB, {len(counts)} tables, {sum(counts.values()):,} rows"
        )
