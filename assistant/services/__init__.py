"""Services: what the CLI and the UI call. Each takes its components in the constructor."""

from assistant.services.answer_record import Answer, Delta, SourceRef
from assistant.services.chat import ChatService
from assistant.services.corpus import CorpusService, SourceRow
from assistant.services.directory import DirectoryService, PartnerMatch
from assistant.services.feedback import FeedbackStore
from assistant.services.staff import StaffAuth

__all__ = [
    "Answer",
    "ChatService",
    "CorpusService",
    "Delta",
    "DirectoryService",
    "FeedbackStore",
    "PartnerMatch",
    "SourceRef",
    "SourceRow",
    "StaffAuth",
]
