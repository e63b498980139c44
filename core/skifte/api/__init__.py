"""The model of an API, built from a validated spec document."""

from .build import build_api
from .model import Api, Operation

__all__ = ["Api", "Operation", "build_api"]
