from .enterprises import Enterprise, Industry, Membership
from .imports import ImportRun
from .management import Certification, Honour, InnovationPilot
from .patents import LegalStatus, Patent, PatentType
from .records import Source
from .rights import Copyright, GIProduct, ICLayoutDesign, PlantVariety
from .trademarks import Trademark, TrademarkStatus, default_expiry

__all__ = [
    "Certification",
    "Copyright",
    "Enterprise",
    "GIProduct",
    "Honour",
    "ICLayoutDesign",
    "ImportRun",
    "Industry",
    "InnovationPilot",
    "LegalStatus",
    "Membership",
    "Patent",
    "PatentType",
    "PlantVariety",
    "Source",
    "Trademark",
    "TrademarkStatus",
    "default_expiry",
]
