"""Errors that reach users: each names the bad value and, where there is a list, the valid ones."""
from __future__ import annotations


class LabelerError(Exception):
    """Base class: a message a researcher can act on, never a bare traceback."""


class InputError(LabelerError, ValueError):
    """The article (or table row) cannot be analysed: empty, binary, too large, undecodable."""


class ModelError(LabelerError):
    """A model file is missing, unknown, untrusted or incompatible."""


class RegistryError(LabelerError, ValueError):
    """An outlet registry file is malformed."""
