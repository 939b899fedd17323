"""The lists this app imports, registered with the import engine at start-up."""

from core.importing import register

from .importing.enterprises import EnterpriseImport
from .importing.management import CertificationImport, HonourImport
from .importing.rights import (
    CopyrightImport,
    GIProductImport,
    ICLayoutImport,
    PatentImport,
    PlantVarietyImport,
    TrademarkImport,
)

for kind in (
    EnterpriseImport(),
    PatentImport(),
    TrademarkImport(),
    CopyrightImport(),
    ICLayoutImport(),
    PlantVarietyImport(),
    GIProductImport(),
    CertificationImport(),
    HonourImport(),
):
    register(kind)
