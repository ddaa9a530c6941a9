"""spyglass: counter-proliferation OSINT — read the news, keep the evidence."""

__version__ = "0.1.0"
