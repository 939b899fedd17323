from .enterprises import Enterprise, Industry, Membership
from .imports import ImportRun
from .patents import LegalStatus, Patent, PatentType
from .records import Source
from .rights import Copyright, GIProduct, ICLayoutDesign, PlantVariety
from .selfservice import Attachment, Filing, Notification, ReviewEvent, ReviewState
from .trademarks import Trademark, TrademarkStatus, default_expiry

__all__ = [
    "Attachment",
    "Copyright",
    "Enterprise",
    "Filing",
    "GIProduct",
    "ICLayoutDesign",
    "ImportRun",
    "Industry",
    "LegalStatus",
    "Membership",
    "Notification",
    "Patent",
    "PatentType",
    "PlantVariety",
    "ReviewEvent",
    "ReviewState",
    "Source",
    "Trademark",
    "TrademarkStatus",
    "default_expiry",
]
