"""Asynchronous operations on the emulator clock, shared by every API that answers "accepted, poll me".

Inbound's `getInboundOperationStatus` and Reports' `processingStatus` follow one pattern: a request is
accepted at once, passes through named phases as emulator time goes by, and ends in a final status that
the owning API decides when the time comes (`finishes`). Results become visible only then.
"""

from emulator.apis.jobs.records import Job, Phase, Problem, Severity
from emulator.apis.jobs.service import Outcome, begin, cancel, find, finishes, start

__all__ = ["Job", "Outcome", "Phase", "Problem", "Severity", "begin", "cancel", "find", "finishes", "start"]
