"""Reports 2021-06-30, generated from the emulator's own state (reference §12).

`records` (reports, schedules, pages, the ledger), `lifecycle` (processing as an `apis.jobs` job, the
finisher that builds the document), `kinds` (the generated report types), `builders/` (one module per
report family), `ledger` (fed by every stock move in the same step), `schedules`, `listing`
(getReports), `requests` (reading bodies), `wire` (rendering) and `handlers` (the operations).
"""

from emulator.apis.reports import handlers, ledger, lifecycle, schedules  # noqa: F401  (bind code)
