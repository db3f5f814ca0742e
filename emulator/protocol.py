"""Names on the wire that the server, the CLI, the test harness and the proxy must agree on.

Header names are written as Amazon writes them; HTTP compares them case-insensitively, and the emulator
reads request headers lower-cased.
"""

from __future__ import annotations

# SP-API headers
ACCESS_TOKEN = "x-amz-access-token"
REQUEST_ID = "x-amzn-RequestId"
RATE_LIMIT = "x-amzn-RateLimit-Limit"
ERROR_TYPE = "x-amzn-ErrorType"
SERVICE_ID = "x-amzn-fulfillment-service-id"

# the emulator's own headers
ADMIN_TOKEN = "x-mcf-emulator-admin-token"
FAULT = "x-mcf-emulator-fault"
PROXY_VIOLATIONS = "x-mcf-proxy-violations"

# paths that are not SP-API operations
CONTROL_PREFIX = "/_emulator"
LWA_TOKEN_PATH = "/auth/o2/token"
LWA_CONSENT_PATH = "/apps/authorize/consent"
LWA_PREFIX = "/auth/o2/"
DOCUMENTS_PREFIX = "/_documents/"  # downloads of documents the emulator serves (pre-signed style links)
NON_SPAPI_PREFIXES = (CONTROL_PREFIX, LWA_PREFIX, "/apps/authorize/", DOCUMENTS_PREFIX)
