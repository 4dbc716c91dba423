"""What every benchmark does before it times anything."""
from __future__ import annotations

import logging
import os


def pin_to_one_core() -> set[int]:
    """Run on one core, so that ours and the baseline are measured alike; the cores there were."""
    if not hasattr(os, "sched_setaffinity"):
        return set()
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    return cores


def ready_jieba():
    """jieba with its dictionary loaded and its log quiet, so loading is not timed as segmenting."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba
