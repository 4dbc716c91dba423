"""The review web app (``zhibiao serve``)."""
from zhibiao.web.app import create_app

__all__ = ["create_app"]
