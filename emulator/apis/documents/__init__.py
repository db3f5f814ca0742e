"""Documents the emulator serves itself: report documents, box and pallet labels, bills of lading.

Amazon answers such requests with a pre-signed, short-lived URL to its storage. The emulator keeps the
document with the seller's state (`publish`) and hands out a link under `protocol.DOCUMENTS_PREFIX` on the
emulator's own address (`link`) that stops working when its lifetime on the emulator clock has passed;
`emulator/downloads.py` serves it.
"""

from emulator.apis.documents.records import Document, Link
from emulator.apis.documents.service import Download, Resolution, keep, link, publish, resolve

__all__ = ["Document", "Download", "Link", "Resolution", "keep", "link", "publish", "resolve"]
