from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from targets.approval import ApprovalRefused, approve_year
from targets.models import Plan


def plan_and_user(year: int, username: str):
    """The plan of the year and the user named; CommandError when either is missing."""
    plan = Plan.objects.for_year(year)
    if plan is None:
        raise CommandError(translation.gettext("No plan is defined."))
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(translation.gettext("No user %(name)s.") % {"name": username})
    return plan, user


class Command(BaseCommand):
    help = "Approve a year's indicator values as the user (who needs the approve figures permission)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--user", required=True, help="user name of the approving official")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE)

    def handle(self, *args, **options):
        translation.activate(options["lang"])
        plan, user = plan_and_user(options["year"], options["user"])
        try:
            approval = approve_year(plan, options["year"], user)
        except PermissionDenied as error:
            raise CommandError(
                translation.gettext("%(name)s may not approve figures.") % {"name": user.username}
            ) from error
        except ApprovalRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            translation.gettext("%(year)s approved by %(name)s: %(count)s values frozen.")
            % {"year": approval.year, "name": user.username, "count": approval.values.count()}
        )
