"""Queries an outside tester tried on search.js (round 11), on the fixture site's index."""
from __future__ import annotations

import pytest

from generator.build import build
from test_search import node_only, search, site_copy


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("probes")
    build(site_copy(tmp), output=str(tmp / "out"))
    return tmp / "out" / "tim-kiem" / "du-lieu"


@node_only
def test_an_address_whose_escapes_look_like_vni_keys_is_read_as_an_address(data):
    """An address bar copies "Bác" in a query string as "B%C3%A1c": its tokens "C3", "A1c" were
    read as VNI keys first ("A1c" is "Ác"), and the address was then searched as typed (no result
    for the reader's "làm theo Bác"). An address is read before VNI keys."""
    typed, *pasted = search(data, "làm theo Bác", "https://www.google.com/search?q=l%C3%A0m+theo+B%C3%A1c",
                            "example.org/tim-kiem/?q=l%C3%A0m+theo+B%C3%A1c&trang=2",
                            "https://www.bing.com/search?q=B%C3%A1c+H%E1%BB%93")
    assert typed["total"] > 0
    for r in pasted[:2]:
        assert r["corrected"] == "làm theo Bác" and r["ids"] == typed["ids"], r["q"]
    assert pasted[2]["corrected"] == "Bác Hồ" and pasted[2]["total"] > 0
