from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from targets.approval import ApprovalRefused, unapprove_year

from .approve_year import plan_and_user


class Command(BaseCommand):
    help = "Withdraw a year's approval, with the reason (audited; the snapshot stays in the history)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--user", required=True, help="user name of the official withdrawing it")
        parser.add_argument("--reason", required=True, help="why the approval is withdrawn")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE)

    def handle(self, *args, **options):
        translation.activate(options["lang"])
        plan, user = plan_and_user(options["year"], options["user"])
        try:
            unapprove_year(plan, options["year"], user, options["reason"])
        except PermissionDenied as error:
            raise CommandError(
                translation.gettext("%(name)s may not approve figures.") % {"name": user.username}
            ) from error
        except ApprovalRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            translation.gettext("Approval of %(year)s withdrawn; the live values apply again.")
            % {"year": options["year"]}
        )
