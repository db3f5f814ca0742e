"""One builder per report family: what a report covers goes in (`Scope`), a tab-separated `Sheet` comes out.

A builder reads the seller's state at the moment the report finishes processing and returns Amazon's
documented columns; `Unservable` says why a request cannot be served (the report ends FATAL with an
error document saying so). A sheet without rows means there is nothing to report.
"""

from emulator.apis.reports.builders.sheet import Scope, Sheet, Unservable

__all__ = ["Scope", "Sheet", "Unservable"]
