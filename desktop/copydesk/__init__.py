"""Copydesk: a desktop editorial workstation.

This package is the Qt-free core. The user interface lives in ``copydesk.qt``,
the only package allowed to import PySide6.
"""

__version__ = "0.1.0"
