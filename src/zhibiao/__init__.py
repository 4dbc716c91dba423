"""zhibiao: restore Chinese development reports and extract source-grounded facts."""
from zhibiao.errors import InputError, ZhibiaoError
from zhibiao.model import Block, DateMention, Document, Entity, Fact, Goal, Meta
from zhibiao.pipeline import extract, extract_many, extract_path, extract_text

__all__ = [
    "Block", "DateMention", "Document", "Entity", "Fact", "Goal", "Meta",
    "InputError", "ZhibiaoError", "extract", "extract_many", "extract_path", "extract_text",
]
