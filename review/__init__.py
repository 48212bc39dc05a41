"""review: offline pre-publication review for government new-media drafts."""

__version__ = "0.1.0"
