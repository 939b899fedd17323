"""The lists this app imports, registered with the import engine at start-up."""

from .importing import register
from .importing.kinds import EnterpriseImport

register(EnterpriseImport())
