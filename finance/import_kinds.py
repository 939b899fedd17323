"""The lists this app imports, registered with the import engine at start-up."""

from core.importing import register

from .importing import PledgeImport, TechContractImport, TransactionImport

for kind in (PledgeImport(), TransactionImport(), TechContractImport()):
    register(kind)
