"""The consent page as a browser submits it: what the page carries to its decision, what a decision without
a usable seller shows, and the error page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from emulator.lwa.accounts import DEFAULTS

CONSENT = "/apps/authorize/consent"
BACK = "https://example.com/callback"
ASKED = {"application_id": DEFAULTS.application_id, "redirect_uri": BACK}
FORM = {"content-type": "application/x-www-form-urlencoded"}
BAD_SELLER = "A seller ID is 1 to 32 letters and digits."


def decide(client, body: bytes):
    return client.post(CONSENT, content=body, headers=FORM, follow_redirects=False)


def encoded(**fields: str) -> bytes:
    return urlencode({**ASKED, **fields}).encode()


def test_the_page_posts_to_itself_carrying_only_the_request_fields(client):
    page = client.get(CONSENT, params={**ASKED, "state": "s1", "selling_partner_id": DEFAULTS.seller_id})
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert f'<form method="post" action="{CONSENT}">' in page.text
    carried = (("application_id", DEFAULTS.application_id), ("redirect_uri", BACK), ("state", "s1"))
    hidden = [f'<input type="hidden" name="{name}" value="{value}">' for name, value in carried]
    assert all(field in page.text for field in hidden)
    assert 'type="hidden" name="selling_partner_id"' not in page.text
    assert f'sends you back to <span class="code">{BACK}</span>' in page.text


def test_an_empty_state_comes_back_empty(client):
    response = decide(client, encoded(state="", decision="confirm", seller_id=DEFAULTS.seller_id))
    assert response.status_code == 303
    query = parse_qs(urlsplit(response.headers["location"]).query, keep_blank_values=True)
    assert query["state"] == [""] and query["selling_partner_id"] == [DEFAULTS.seller_id]


def test_confirming_without_a_seller_shows_the_page_again_saying_why(client):
    response = decide(client, encoded(decision="confirm"))
    assert response.status_code == 400 and response.headers["cache-control"] == "no-store"
    assert f'<p class="error" role="alert">{BAD_SELLER}</p>' in response.text


def test_bytes_that_are_not_utf8_become_replacement_characters(client):
    response = decide(client, encoded(decision="confirm") + b"&new_seller_id=A\xff")
    assert response.status_code == 400
    assert f'<p class="error" role="alert">{BAD_SELLER}</p>' in response.text


def test_a_seller_the_page_cannot_take_stays_selected(client):
    created = client.get(
        CONSENT, params={**ASKED, "auto": "1", "selling_partner_id": "odd-id"}, follow_redirects=False
    )
    assert created.status_code == 302  # the headless shortcut creates any seller in permissive mode
    response = decide(client, encoded(decision="confirm", seller_id="odd-id"))
    assert response.status_code == 400
    assert '<option value="odd-id" selected>odd-id</option>' in response.text


def test_consenting_as_a_known_seller_keeps_its_account(client, runtime):
    runtime.accounts.add_seller("EU1", ("A1PA6795UKMFR9",), name="Berlin shop")
    response = decide(client, encoded(decision="confirm", seller_id="EU1"))
    assert response.status_code == 303
    seller = runtime.accounts.seller("EU1")
    assert (seller.marketplaces, seller.name) == (("A1PA6795UKMFR9",), "Berlin shop")


def test_problems_with_the_request_show_the_error_page(client):
    page = client.get(CONSENT, params={"application_id": "amzn1.sp.solution.nobody", "redirect_uri": BACK})
    assert page.status_code == 400 and page.headers["cache-control"] == "no-store"
    assert '<span class="code" id="error-code">MD1000</span>' in page.text
    message = "Unknown application_id &#39;amzn1.sp.solution.nobody&#39;"
    assert f'<p id="error-message">{message}</p>' in page.text
