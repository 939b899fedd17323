import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from targets.reminders import send_reminders


class Command(BaseCommand):
    help = "Send the member units' deadline reminders and the weekly overdue digests for a day (today by default)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to send for, YYYY-MM-DD")

    def handle(self, *args, **options):
        try:
            day = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        sent = send_reminders(day)
        for reminder in sent.reminders:
            self.stdout.write(f"{reminder.key}: {reminder.items} items, {reminder.recipients} recipients")
        self.stdout.write(f"{day.isoformat()}: {len(sent.reminders)} sent")
