"""The lists this app imports, registered with the import engine at start-up."""

from .importing import register
from .importing.kinds import EnterpriseImport
from .importing.records import (
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
):
    register(kind)
