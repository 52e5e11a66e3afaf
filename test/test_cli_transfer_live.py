"""``airflow-sdk <group> export | airflow-sdk <group> import``: a file the tool wrote imports back, on real
Airflow 2.11.2 and 3.3.2 in each direction, and ``--dry-run`` shows the results the real run gives.

Airflow 3 changes only ``slots`` and ``include_deferred`` of ``default_pool``: the import sends only those
and says which field of the file it left as it was (before: ``default_pool failed Only slots and
included_deferred can be modified on Default Pool``, and every other pool failed with that message too,
exit 1, while ``--dry-run`` said ``updated``). A bulk request's errors name no item: each item is an action
of its own, so each error is its own item's. Releases before 3.2 take no ``update_mask`` in a bulk update
(the SDK refuses one unsent): a recording server answering as 3.1.8 shows the body has none, and
``default_pool`` goes by its own PATCH with the mask.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk import apis as a
from airflow_python_sdk.models import Connection, Pool, Variable
from airflow_python_sdk.versions import release

from airflow_server import AirflowServer
from recording_server import Recorded, RecordingServer, Reply
from test_cli_live import Done, env_for, run

pytestmark = pytest.mark.live

DEFAULT_POOL_RULE = "Only slots and included_deferred can be modified on Default Pool"
LEFT = "exists; description left as it is: Airflow 3 changes only slots and include_deferred of default_pool"


def cli(server: AirflowServer, *args: str, stdin: str | None = None) -> Done:
    return run(*args, env=env_for(server), stdin=stdin)


def results(done: Done) -> dict[str, tuple[str, str]]:
    """An import's table: each item's result and detail."""
    return {row[done.header()[0]]: (row["result"], row["detail"]) for row in done.table()}


@pytest.fixture(scope="module")
def seeded(airflow: AirflowServer, airflow3: AirflowServer) -> dict[str, AirflowServer]:
    """Both servers with a pool, variables and connections of their own, and Airflow 2's default_pool
    described otherwise than Airflow 3's (which cannot be changed there)."""
    servers = {"2.11.2": airflow, "3.3.2": airflow3}
    for n, server in enumerate(servers.values()):
        with ApiClient(Configuration(host=server.api_url, username="admin", password="admin")) as client:
            pools, variables, connections = a.PoolApi(client), a.VariableApi(client), a.ConnectionApi(client)
            pools.post_pool(Pool(name="etl", slots=3 + n, description=f"etl pool {n}", include_deferred=bool(n)))
            variables.post_variables(Variable(key="plain", value=f"hello {n}"))
            variables.post_variables(Variable(key="doc", value=json.dumps({"a": [1, n]}), description=f"json {n}"))
            connections.post_connection(
                Connection(
                    connection_id="web",
                    conn_type="http",
                    host=f"h{n}.example",
                    port=8080 + n,
                    login="u",
                    password="pw",
                    extra=json.dumps({"k": n}),
                    description=f"web {n}",
                )
            )
            connections.post_connection(Connection(connection_id="bare", conn_type="postgres"))
            if server is airflow:
                pools.patch_pool("default_pool", Pool(name="default_pool", slots=64, description="two's default"),
                                 update_mask=["slots", "description"])  # fmt: skip
    return servers


@pytest.mark.parametrize("group", ["pools", "variables", "connections"])
@pytest.mark.parametrize(("source", "target"), [("2.11.2", "3.3.2"), ("3.3.2", "3.3.2"), ("3.3.2", "2.11.2"),
                                            ("2.11.2", "2.11.2")])  # fmt: skip
def test_an_exported_file_imports_back_and_the_dry_run_said_so(
    seeded: dict[str, AirflowServer], group: str, source: str, target: str
) -> None:
    exported = cli(seeded[source], group, "export", "-")
    assert exported.code == 0, exported
    had = set(json.loads(cli(seeded[target], group, "export", "-").out))  # other tests share the servers
    planned = cli(seeded[target], group, "import", "-", "--on-conflict", "overwrite", "--dry-run", stdin=exported.out)
    done = cli(seeded[target], group, "import", "-", "--on-conflict", "overwrite", stdin=exported.out)
    assert planned.code == 0 and done.code == 0, (planned, done)
    predicted = {k: (r, d.removeprefix("dry run").removeprefix("; ") or "-") for k, (r, d) in results(planned).items()}
    assert predicted == results(done) and set(results(done)) == set(json.loads(exported.out))
    assert {k: r for k, (r, _) in results(done).items()} == {
        k: "updated" if k in had else "created" for k in json.loads(exported.out)
    }
    # what the target holds now is the file, but for the fields the import said it left as they were
    now = json.loads(cli(seeded[target], group, "export", "-").out)
    for key, entry in json.loads(exported.out).items():
        left = [f for f in ("description",) if f"{f} left as it is" in results(done)[key][1]]
        left += ["password"] if group == "connections" else []  # Airflow 2 never sends one, 3 a null or ***
        assert (
            {k: v for k, v in now[key].items() if k not in left} == {k: v for k, v in entry.items() if k not in left}
            if isinstance(entry, dict)
            else now[key] == entry
        ), key
    if group == "pools" and target == "3.3.2":
        default = results(done)["default_pool"][1]
        assert (default == "exists; description left as it is: Airflow 3 changes only slots and include_deferred "
                "of default_pool") if source == "2.11.2" else default == "exists"  # fmt: skip
        assert DEFAULT_POOL_RULE not in done.out + done.err


def test_each_refused_item_has_its_own_reason_on_airflow3(seeded: dict[str, AirflowServer]) -> None:
    """Before: every pool of the request failed with the default pool's message. Now a value Airflow 3
    refuses (a 422 for the whole request) is its own item's error; the others were not applied for it.
    Before 3.2 (``./scripts/test --airflow 3.1.8``) default_pool goes by its own PATCH: it is updated."""
    server = seeded["3.3.2"]
    alone = release(server.version) < (3, 2)  # type: ignore[operator]
    file = json.dumps({"default_pool": {"slots": 90, "description": "mine"}, "etl": {"slots": -5},
                       "fresh": {"slots": 2}})  # fmt: skip
    done = cli(server, "pools", "import", "-", "--on-conflict", "overwrite", stdin=file)
    assert done.code == 1 and done.err.endswith(f"airflow-sdk: {2 if alone else 3} of 3 pools not imported\n"), done
    got = results(done)
    assert got["etl"] == ("failed", "422 slots: Input should be greater than or equal to -1 (given -5)")
    refused = ("failed", "not applied: the server refused the whole request for etl")
    assert got["fresh"] == refused and got["default_pool"] == (("updated", LEFT) if alone else refused), got
    with ApiClient(Configuration(host=server.api_url, username="admin", password="admin")) as client:
        names = {p.name for p in a.PoolApi(client).get_pools().pools}
        assert "fresh" not in names and (a.PoolApi(client).get_pool("default_pool").slots == 90) == alone
    fixed = cli(server, "pools", "import", "-", "--on-conflict", "overwrite",
                stdin=file.replace("-5", "5"))  # fmt: skip
    assert fixed.code == 0 and results(fixed) == {
        "default_pool": ("updated", LEFT),
        "etl": ("updated", "exists"),
        "fresh": ("created", "-"),
    }, fixed  # fmt: skip


# --- what a real server will not show on demand: releases before 3.2, and errors inside a 200 answer ---------


def _airflow3(version: str, bulk: dict[str, Any] | None = None) -> Any:
    """A server answering as Airflow ``version`` that has pools default_pool and etl; ``bulk``: its bulk answer."""
    pools = [{"name": n, "slots": 8, "description": None, "include_deferred": n == "etl", "occupied_slots": 0,
              "running_slots": 0, "queued_slots": 0, "scheduled_slots": 0, "open_slots": 8, "deferred_slots": 0}
             for n in ("default_pool", "etl")]  # fmt: skip

    def respond(asked: Recorded) -> Reply:
        if asked.path == "/api/v2/version":
            return Reply(json={"version": version, "git_version": None})
        if asked.method == "GET" and asked.path == "/api/v2/pools":
            return Reply(json={"pools": pools, "total_entries": 2})
        if asked.method == "PATCH" and asked.path == "/api/v2/pools/default_pool":
            return Reply(json={**pools[0], **asked.json()})
        if asked.method == "PATCH" and asked.path == "/api/v2/pools":
            created = [e["name"] for x in asked.json()["actions"] if x["action"] == "create" for e in x["entities"]]
            updated = [e["name"] for x in asked.json()["actions"] if x["action"] == "update" for e in x["entities"]]
            return Reply(json=bulk or {"create": {"success": created, "errors": []},
                                       "update": {"success": updated, "errors": []}, "delete": None})  # fmt: skip
        return Reply(404, json={"detail": "Not Found"})

    return respond


FILE = json.dumps({"default_pool": {"slots": 16, "description": "x", "include_deferred": True},
                   "etl": {"slots": 4, "description": "etl"}, "fresh": {"slots": 2}})  # fmt: skip


@pytest.mark.parametrize("version", ["3.1.8", "3.2.2", "3.3.2"])
def test_a_bulk_update_carries_update_mask_only_where_the_release_takes_it(version: str) -> None:
    """Before: on 3.1.8 the import exited 2 (the SDK refuses ``actions[].update_mask`` unsent before 3.2)."""
    with RecordingServer(respond=_airflow3(version)) as server:
        done = run("--url", f"{server.url}/api/v2", "--token", "a-test-token", "pools", "import", "-", "--on-conflict",
                   "overwrite", stdin=FILE)  # fmt: skip
        assert done.code == 0, done
        assert {k: r for k, (r, _) in results(done).items()} == {
            "default_pool": "updated", "etl": "updated", "fresh": "created"
        }  # fmt: skip
        bulk = [r.json() for r in server.requests if r.method == "PATCH" and r.path == "/api/v2/pools"]
        single = [r for r in server.requests if r.path == "/api/v2/pools/default_pool"]
    assert len(bulk) == 1
    actions = {x["entities"][0]["name"]: x for x in bulk[0]["actions"]}
    assert all(len(x["entities"]) == 1 for x in bulk[0]["actions"])  # an action per item: its error is its own
    assert actions["fresh"] == {"action": "create", "entities": [{"name": "fresh", "slots": 2}],
                                "action_on_existence": "fail"}  # fmt: skip
    if version == "3.1.8":
        assert all("update_mask" not in x for x in bulk[0]["actions"])
        # no mask: the update holds the server's include_deferred (true), which the file lacks, not false
        assert actions["etl"] == {"action": "update", "entities": [{"name": "etl", "slots": 4, "description": "etl",
                                                                     "include_deferred": True}]}  # fmt: skip
        assert "default_pool" not in actions and len(single) == 1  # by its own PATCH, with the mask
        assert sorted(v for k, v in single[0].query if k == "update_mask") == ["include_deferred", "slots"]
        assert single[0].json() == {"pool": "default_pool", "slots": 16, "include_deferred": True}  # its v2 name
    else:
        assert actions["etl"]["update_mask"] == ["slots", "description"] and not single
        assert actions["default_pool"] == {"action": "update", "update_mask": ["slots", "include_deferred"],
                                           "entities": [{"name": "default_pool", "slots": 16,
                                                         "include_deferred": True}]}  # fmt: skip


def test_the_errors_of_a_bulk_answer_go_to_their_own_items() -> None:
    """Airflow 3 lists each kind of action's errors in order, without the item: each one-item action that
    did not succeed takes the next error of its kind (before: every failed item showed all the errors)."""
    answer = {
        "create": {"success": [], "errors": [{"error": "The pools with these pool names: {'fresh'} already exist.",
                                              "status_code": 409}]},
        "update": {"success": ["etl"], "errors": [{"error": DEFAULT_POOL_RULE, "status_code": 400}]},
        "delete": None,
    }  # fmt: skip
    with RecordingServer(respond=_airflow3("3.3.2", answer)) as server:
        done = run("--url", f"{server.url}/api/v2", "--token", "a-test-token", "pools", "import", "-", "--on-conflict",
                   "overwrite", stdin=FILE)  # fmt: skip
    assert done.code == 1 and done.err.endswith("airflow-sdk: 2 of 3 pools not imported\n"), done
    assert results(done) == {
        "default_pool": ("failed", DEFAULT_POOL_RULE),
        "etl": ("updated", "exists"),
        "fresh": ("failed", "The pools with these pool names: {'fresh'} already exist."),
    }
