"""Turn a folder of web pages on one subject into a cross-referenced, traceable dataset."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
