"""Access checks shared by the pages and the API."""

from django.contrib.auth.mixins import AccessMixin
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .roles import enterprise_of, is_official, sees_all_park_data, unit_of


class OfficialRequiredMixin(AccessMixin):
    """Officials' pages: anonymous users go to the login page, everyone else gets 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_official(request.user):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class PortalUserRequiredMixin(AccessMixin):
    """Pages for officials and enterprise users; the queryset then narrows what each sees."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (is_official(request.user) or enterprise_of(request.user) is not None):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class SupervisionMixin(AccessMixin):
    """Pages of the plan's key tasks: officials, and member units (narrowed to their own tasks)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (is_official(request.user) or unit_of(request.user) is not None):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class ReadOnlyAPIAccess(BasePermission):
    """The API is read-only for everyone; who sees what is decided by each queryset's for_user()."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method not in SAFE_METHODS:
            return False
        return sees_all_park_data(user) or enterprise_of(user) is not None
