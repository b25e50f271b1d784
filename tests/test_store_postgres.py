"""The store contract (tests/test_store.py) against a real PostgreSQL server.

Set HYNLP_TEST_POSTGRES_URL to run these, e.g. ``eval "$(bash .ci/postgres.sh)"``.
Each test gets its own PostgreSQL schema (via the URL's search_path option),
so tests are independent and a shared database is left as it was.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from test_store import StoreContract, make_result

from hynlp.errors import StoreError
from hynlp.store import open_store
from hynlp.store.connect import describe_target, target_url

POSTGRES_URL = os.environ.get("HYNLP_TEST_POSTGRES_URL")

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL,
    reason='HYNLP_TEST_POSTGRES_URL is not set; start a server with: eval "$(bash .ci/postgres.sh)"',
)


@pytest.fixture
def postgres_schema():
    """A fresh, empty schema; yields a store URL whose search_path points at it."""
    schema = f"hynlp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(target_url(POSTGRES_URL))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = target_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


class TestPostgresStore(StoreContract):
    @pytest.fixture
    def target(self, postgres_schema) -> str:
        return postgres_schema


def test_plain_postgresql_url_uses_psycopg(postgres_schema):
    plain = postgres_schema.replace("postgresql+psycopg://", "postgresql://", 1)
    assert describe_target(plain).startswith("postgresql+psycopg://")
    with open_store(plain) as store:
        store.write([make_result()])
        assert store.get(make_result().doc_id) == make_result()


def test_unreachable_server_is_a_store_error():
    # Port 1 on localhost refuses connections immediately.
    with pytest.raises(StoreError, match="cannot open store") as info:
        open_store("postgresql://hynlp:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)
