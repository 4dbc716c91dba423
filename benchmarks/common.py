"""What every benchmark does before it times anything."""
from __future__ import annotations

import logging
import os


def pin_to_one_core() -> None:
    """Run on one core, so that ours and the baseline are measured alike."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def ready_jieba():
    """jieba with its dictionary loaded and its log quiet, so loading is not timed as segmenting."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba
