from .enterprises import Enterprise, Industry, Membership
from .imports import ImportRun
from .patents import LegalStatus, Patent, PatentType
from .records import Source
from .rights import Copyright, GIProduct, ICLayoutDesign, PlantVariety
from .trademarks import Trademark, TrademarkStatus, default_expiry

__all__ = [
    "Copyright",
    "Enterprise",
    "GIProduct",
    "ICLayoutDesign",
    "ImportRun",
    "Industry",
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
