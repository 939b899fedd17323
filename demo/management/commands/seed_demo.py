from django.core.management.base import BaseCommand

from demo.seed import seed
from enterprises.models import Patent, Trademark
from finance.models import Pledge
from targets.recompute import recompute


class Command(BaseCommand):
    help = "Create (or refresh) the demo logins and realistic demo data. Safe to run again."

    def handle(self, *args, **options):
        logins = seed()

        recompute(trigger="seed_demo")
        self.stdout.write(
            f"{Patent.objects.count():,} patents, {Trademark.objects.count():,} trademarks, "
            f"{Pledge.objects.count():,} pledges; indicators computed."
        )
        self.stdout.write(self.style.SUCCESS("Demo data ready. Logins:"))
        for login in logins:
            note = f"  ({login.note})" if login.note else ""
            self.stdout.write(f"  {login.role:<11} {login.username:<11} {login.password}{note}")
