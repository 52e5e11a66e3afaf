"""Connections, variables, pools, users, roles and permissions against a real Airflow 2.11.2.

The ``manager`` fixture creates, through the API itself, a role granting user and role management
and a user holding it: the user tests run as that user, which proves the role's grants work.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.permission_api import PermissionApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.role_api import RoleApi
from airflow_python_sdk.api.user_api import UserApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.model.action import Action
from airflow_python_sdk.model.action_collection import ActionCollection
from airflow_python_sdk.model.action_resource import ActionResource
from airflow_python_sdk.model.connection import Connection
from airflow_python_sdk.model.connection_collection import ConnectionCollection
from airflow_python_sdk.model.connection_collection_item import ConnectionCollectionItem
from airflow_python_sdk.model.connection_test import ConnectionTest
from airflow_python_sdk.model.pool import Pool
from airflow_python_sdk.model.pool_collection import PoolCollection
from airflow_python_sdk.model.resource import Resource
from airflow_python_sdk.model.role import Role
from airflow_python_sdk.model.role_collection import RoleCollection
from airflow_python_sdk.model.user import User
from airflow_python_sdk.model.user_collection import UserCollection
from airflow_python_sdk.model.user_collection_item import UserCollectionItem
from airflow_python_sdk.model.variable import Variable
from airflow_python_sdk.model.variable_collection import VariableCollection
from airflow_python_sdk.model.variable_collection_item import VariableCollectionItem

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply

pytestmark = pytest.mark.live

SPECIAL = " /?#%+ é ü 日本 ☃"
"""Characters a variable key may hold that need percent-encoding in a path."""
SPECIAL_NO_SLASH = SPECIAL.replace("/", "")
"""The same without ``/``, which pool and role names cannot hold and still be reached by name."""
ALL = 10000  # the server's maximum page size (AIRFLOW__API__MAXIMUM_PAGE_LIMIT)

_ids = itertools.count()


@pytest.fixture
def uniq(request: pytest.FixtureRequest) -> Callable[[], str]:
    """Unique names made of letters, digits and ``_`` (valid connection ids too)."""
    stem = re.sub(r"\W", "_", request.node.name.removeprefix("test_"))[:30]
    return lambda: f"sdk_admin_{stem}_{next(_ids)}"


@pytest.fixture
def connections(live_client: ApiClient) -> ConnectionApi:
    return ConnectionApi(live_client)


@pytest.fixture
def variables(live_client: ApiClient) -> VariableApi:
    return VariableApi(live_client)


@pytest.fixture
def pools(live_client: ApiClient) -> PoolApi:
    return PoolApi(live_client)


@pytest.fixture
def roles(live_client: ApiClient) -> RoleApi:
    return RoleApi(live_client)


def _grant(*pairs: tuple[str, str]) -> list[ActionResource]:
    return [ActionResource(action=Action(name=a), resource=Resource(name=r)) for a, r in pairs]


def _pairs(role: Role) -> set[tuple[str | None, str | None]]:
    return {(p.action.name if p.action else None, p.resource.name if p.resource else None) for p in role.actions or []}


def _client(airflow: AirflowServer, username: str, password: str) -> ApiClient:
    return ApiClient(Configuration(host=airflow.api_url, username=username, password=password))


MANAGE = tuple(
    (action, resource)
    for resource in ("Users", "Roles")
    for action in ("can_read", "can_create", "can_edit", "can_delete")
)


@pytest.fixture(scope="module")
def manager(airflow: AirflowServer) -> Iterator[ApiClient]:
    """A client logged in as a user whose own role may manage users and roles (see the module docstring)."""
    name = f"sdk_admin_manager_{next(_ids)}"
    with _client(airflow, "admin", "admin") as admin:
        RoleApi(admin).post_role(Role(name=name, actions=_grant(*MANAGE)))
        UserApi(admin).post_user(
            User(
                username=name,
                email=f"{name}@example.com",
                first_name="M",
                last_name="G",
                password="m4nager",
                roles=[{"name": name}],
            )
        )
    with _client(airflow, name, "m4nager") as client:
        yield client
        RoleApi(client).delete_role(name)  # its last act: the user is left without any permission
    # Nobody may delete users now (admin lacks can_delete on Users): the CLI removes the last one.
    airflow.airflow("users", "delete", "--username", name)


# --- variables -------------------------------------------------------------------------------------


def test_variable_with_special_characters_round_trips(variables: VariableApi, uniq: Callable[[], str]) -> None:
    key = uniq() + SPECIAL
    created = variables.post_variables(Variable(key=key, value='{"rows": [1, 2]}', description="first"))
    assert isinstance(created, Variable)
    assert (created.key, created.value, created.description) == (key, '{"rows": [1, 2]}', "first")

    fetched = variables.get_variable(key)
    assert (fetched.key, fetched.value, fetched.description) == (key, '{"rows": [1, 2]}', "first")

    listed = variables.get_variables(limit=ALL)
    assert isinstance(listed, VariableCollection) and listed.variables is not None
    mine = [v for v in listed.variables if v.key == key]
    assert len(mine) == 1 and isinstance(mine[0], VariableCollectionItem) and mine[0].description == "first"
    assert mine[0]["value"] == '{"rows": [1, 2]}'  # sent although the spec leaves it out of listings

    changed = variables.patch_variable(key, Variable(key=key, value="second"))
    assert (changed.value, changed.description) == ("second", "first")  # what the body leaves out is kept
    masked = variables.patch_variable(key, Variable(key=key, value="ignored", description="new"), ["description"])
    assert (masked.value, masked.description) == ("second", "new")
    assert variables.get_variable(key).to_dict() == {"key": key, "value": "second", "description": "new"}

    overwritten = variables.post_variables(Variable(key=key, value="third"))  # posting an existing key replaces it
    assert overwritten.value == "third" and variables.get_variable(key).description is None

    assert variables.delete_variable(key) is None
    with pytest.raises(sdk.NotFoundException) as gone:
        variables.get_variable(key)
    assert gone.value.status == 404 and gone.value.title == "Variable not found"
    with pytest.raises(sdk.NotFoundException):
        variables.delete_variable(key)


def test_variables_order_and_paging(variables: VariableApi, uniq: Callable[[], str]) -> None:
    stem = uniq()
    keys = [f"{stem}_{letter}" for letter in "cab"]
    for key in keys:
        variables.post_variables(Variable(key=key, value=key))
    try:
        everything = variables.get_variables(order_by="key", limit=ALL)
        names = [v.key or "" for v in everything.variables or []]
        assert everything.total_entries == len(names) and names == sorted(names)
        assert [k for k in names if k.startswith(stem)] == sorted(keys)

        backwards = variables.get_variables(order_by="-key", limit=ALL)
        assert [v.key for v in backwards.variables or []] == names[::-1]

        first = names.index(sorted(keys)[0])
        page = variables.get_variables(order_by="key", limit=2, offset=first + 1)
        assert [v.key for v in page.variables or []] == sorted(keys)[1:]
        assert page.total_entries == everything.total_entries

        with pytest.raises(sdk.BadRequestException) as bad:
            variables.get_variables(order_by="no_such_field")
        assert "no_such_field" in str(bad.value.detail)
    finally:
        for key in keys:
            variables.delete_variable(key)


def test_a_variable_update_must_name_the_same_key(variables: VariableApi, uniq: Callable[[], str]) -> None:
    key = uniq()
    variables.post_variables(Variable(key=key, value="v"))
    with pytest.raises(sdk.BadRequestException):
        variables.patch_variable(key, Variable(key=key + "_other", value="w"))
    with pytest.raises(sdk.BadRequestException):
        variables.patch_variable(key, Variable(key=key, value="w"), ["no_such_field"])
    assert variables.get_variable(key).value == "v"
    variables.delete_variable(key)


# --- pools -----------------------------------------------------------------------------------------


def test_pool_with_special_characters_round_trips(pools: PoolApi, uniq: Callable[[], str]) -> None:
    name = uniq() + SPECIAL_NO_SLASH
    # read-only fields are never sent: the server computes open_slots from slots
    created = pools.post_pool(Pool(name=name, slots=3, description="d", include_deferred=True, open_slots=99))
    assert isinstance(created, Pool)
    assert (created.name, created.slots, created.description, created.include_deferred) == (name, 3, "d", True)
    assert (created.open_slots, created.occupied_slots, created.running_slots, created.queued_slots) == (3, 0, 0, 0)
    assert (created.scheduled_slots, created.deferred_slots) == (0, 0)
    assert pools.get_pool(name) == created

    listed = pools.get_pools(limit=ALL)
    assert isinstance(listed, PoolCollection) and listed.total_entries == len(listed.pools or [])
    assert [p.slots for p in listed.pools or [] if p.name == name] == [3]

    grown = pools.patch_pool(name, Pool(slots=5), update_mask=["slots"])
    assert (grown.slots, grown.open_slots, grown.description, grown.include_deferred) == (5, 5, "d", True)
    described = pools.patch_pool(
        name, Pool(slots=1, description="x", include_deferred=False), update_mask=["description", "include_deferred"]
    )
    assert (described.slots, described.description, described.include_deferred) == (5, "x", False)
    whole = pools.patch_pool(name, Pool(name=name, slots=7))  # no mask: name and slots are required
    assert (whole.slots, whole.description) == (7, "x")

    renamed = name + "_renamed"
    assert pools.patch_pool(name, Pool(name=renamed, slots=7)).name == renamed
    assert pools.get_pool(renamed).slots == 7
    with pytest.raises(sdk.NotFoundException) as old:
        pools.get_pool(name)
    assert name in str(old.value.detail)

    assert pools.delete_pool(renamed) is None
    with pytest.raises(sdk.NotFoundException):
        pools.get_pool(renamed)
    with pytest.raises(sdk.NotFoundException):
        pools.delete_pool(renamed)


def test_a_pool_named_with_a_slash_cannot_be_reached_by_name(
    airflow: AirflowServer, pools: PoolApi, uniq: Callable[[], str]
) -> None:
    """Airflow 2.11 stores such a pool, but ``/pools/{pool_name}`` is not a path parameter: the
    WSGI server decodes ``%2F`` before routing, so no URL reaches it. The SDK sends ``%2F``."""
    name = uniq() + SPECIAL
    assert pools.post_pool(Pool(name=name, slots=1)).name == name
    try:
        assert name in [p.name for p in pools.get_pools(limit=ALL).pools or []]
        with pytest.raises(sdk.NotFoundException) as unrouted:
            pools.get_pool(name)
        assert "requested URL was not found" in str(unrouted.value.detail)  # the router's 404, not the pool's
        with pytest.raises(sdk.NotFoundException) as missing:
            pools.get_pool(uniq())
        assert "Pool with name" in str(missing.value.detail)
    finally:
        airflow.airflow("pools", "delete", name)
    assert name not in [p.name for p in pools.get_pools(limit=ALL).pools or []]


def test_pools_order_paging_and_errors(pools: PoolApi, uniq: Callable[[], str]) -> None:
    stem = uniq()
    names = [f"{stem}_{letter}" for letter in "ba"]
    for slots, name in enumerate(names, start=1):
        pools.post_pool(Pool(name=name, slots=slots))
    try:
        by_name = [p.name or "" for p in pools.get_pools(order_by="name", limit=ALL).pools or []]
        assert by_name == sorted(by_name) and "default_pool" in by_name
        assert [p.name for p in pools.get_pools(order_by="-name", limit=ALL).pools or []] == by_name[::-1]
        first = by_name.index(sorted(names)[0])
        page = pools.get_pools(order_by="name", limit=1, offset=first + 1)
        assert [p.name for p in page.pools or []] == [sorted(names)[1]] and page.total_entries == len(by_name)

        with pytest.raises(sdk.ConflictException) as taken:
            pools.post_pool(Pool(name=names[0], slots=1))
        assert taken.value.status == 409 and names[0] in str(taken.value.detail)
        with pytest.raises(sdk.BadRequestException) as default:
            pools.delete_pool("default_pool")
        assert "Default Pool" in str(default.value.detail)
        with pytest.raises(sdk.BadRequestException):
            pools.post_pool(Pool(name=uniq()))  # slots missing
        # Renaming onto a taken name should be a 409 per the spec; Airflow 2.11 fails with a 500 page.
        with pytest.raises(sdk.ServiceException) as clash:
            pools.patch_pool(names[0], Pool(name=names[1], slots=1))
        assert clash.value.status == 500
    finally:
        for name in names:
            pools.delete_pool(name)


# --- connections -----------------------------------------------------------------------------------


def test_connection_round_trip_and_secrets(
    airflow: AirflowServer, connections: ConnectionApi, uniq: Callable[[], str]
) -> None:
    conn_id = uniq() + "-a.b_c"  # every character Airflow allows in a connection id
    extra = {"api_key": "k3y", "timeout": 5, "nested": {"password": "inner"}}
    sent = Connection(
        connection_id=conn_id,
        conn_type="postgres",
        description="db",
        host="db.example",
        login="me",
        password="s3 cr:t/%+",
        schema="sales",
        port=5432,
        extra=json.dumps(extra),
    )
    created = connections.post_connection(sent)
    assert isinstance(created, Connection)
    expected = {
        "connection_id": conn_id,
        "conn_type": "postgres",
        "description": "db",
        "host": "db.example",
        "login": "me",
        "schema": "sales",
        "port": 5432,
    }
    assert created.to_dict().items() >= expected.items()
    # the password is write-only; secrets inside extra come back masked, other values as they were
    assert created.password is None and "password" not in created.to_dict()
    assert json.loads(created.extra or "") == {"api_key": "***", "timeout": 5, "nested": {"password": "***"}}

    fetched = connections.get_connection(conn_id)
    assert fetched == created

    listed = connections.get_connections(limit=ALL)
    assert isinstance(listed, ConnectionCollection) and listed.connections is not None
    (item,) = [c for c in listed.connections if c.connection_id == conn_id]
    assert isinstance(item, ConnectionCollectionItem) and item.to_dict() == expected  # no extra, no password

    moved = connections.patch_connection(conn_id, Connection(connection_id=conn_id, conn_type="postgres", host="h2"))
    assert (moved.host, moved.login, moved.port, moved.schema) == ("h2", "me", 5432, "sales")  # others kept
    masked = connections.patch_connection(
        conn_id, Connection(port=6543, login="ignored", password="n3w/p?w"), update_mask=["port", "password"]
    )
    assert (masked.port, masked.login, masked.host) == (6543, "me", "h2") and masked.password is None

    # the stored password is the new one: only the CLI can show it
    shown = json.loads(airflow.airflow("connections", "get", conn_id, "--output", "json").stdout)
    assert (shown[0]["password"], shown[0]["port"]) == ("n3w/p?w", "6543")  # the CLI prints the port as text

    assert connections.delete_connection(conn_id) is None
    with pytest.raises(sdk.NotFoundException) as gone:
        connections.get_connection(conn_id)
    assert gone.value.title == "Connection not found" and conn_id in str(gone.value.detail)
    with pytest.raises(sdk.NotFoundException):
        connections.delete_connection(conn_id)


def test_connection_ids_errors_order_and_paging(connections: ConnectionApi, uniq: Callable[[], str]) -> None:
    with pytest.raises(sdk.BadRequestException) as refused:
        connections.post_connection(Connection(connection_id=uniq() + SPECIAL_NO_SLASH, conn_type="http"))
    assert "alphanumeric characters, dashes, dots and underscores" in str(refused.value.detail)
    with pytest.raises(sdk.BadRequestException):
        connections.post_connection(Connection(connection_id=uniq()))  # conn_type missing

    stem = uniq()
    ids = [f"{stem}_{letter}" for letter in "cab"]
    for conn_id in ids:
        connections.post_connection(Connection(connection_id=conn_id, conn_type="http"))
    try:
        with pytest.raises(sdk.ConflictException) as taken:
            connections.post_connection(Connection(connection_id=ids[0], conn_type="http"))
        assert ids[0] in str(taken.value.detail)
        with pytest.raises(sdk.BadRequestException) as renamed:
            connections.patch_connection(ids[0], Connection(connection_id=ids[1], conn_type="http"))
        assert "cannot be updated" in str(renamed.value.detail)
        with pytest.raises(sdk.BadRequestException):
            connections.patch_connection(ids[0], Connection(connection_id=ids[0], conn_type="http"), ["no_such"])

        ordered = [
            c.connection_id or ""
            for c in connections.get_connections(order_by="connection_id", limit=ALL).connections or []
        ]
        assert ordered == sorted(ordered) and [c for c in ordered if c.startswith(stem)] == sorted(ids)
        backwards = connections.get_connections(order_by="-connection_id", limit=ALL)
        assert [c.connection_id for c in backwards.connections or []] == ordered[::-1]
        first = ordered.index(sorted(ids)[0])
        page = connections.get_connections(order_by="connection_id", limit=2, offset=first)
        assert [c.connection_id for c in page.connections or []] == sorted(ids)[:2]
        assert page.total_entries == len(ordered)
    finally:
        for conn_id in ids:
            connections.delete_connection(conn_id)


def test_test_connection_runs_the_hook_with_what_was_sent(connections: ConnectionApi) -> None:
    """The server's HTTP hook calls a local recording server with the login and password sent."""
    with RecordingServer() as target:
        target.reply(Reply(status=401, json={"detail": "no"}), Reply(status=200, json={"ok": True}))
        port = int(target.url.rsplit(":", 1)[1])
        probe = Connection(
            connection_id="never_stored",
            conn_type="http",
            host="127.0.0.1",
            port=port,
            schema="http",
            login="bob",
            password="s3 cr:t/%+",
        )
        refused = connections.test_connection(probe)
        assert isinstance(refused, ConnectionTest) and refused.status is False and "401" in (refused.message or "")
        accepted = connections.test_connection(probe)
        assert (accepted.status, accepted.message) == (True, "Connection successfully tested")
    assert len(target.requests) == 2
    for request in target.requests:
        assert base64.b64decode(request.headers["Authorization"].split()[1]).decode() == "bob:s3 cr:t/%+"
    with pytest.raises(sdk.NotFoundException):
        connections.get_connection("never_stored")  # a test stores nothing

    failed = connections.test_connection(Connection(connection_id="x", conn_type="fs"))
    assert failed.status is False and failed.message
    with pytest.raises(sdk.BadRequestException):
        connections.test_connection(Connection(connection_id="x"))  # conn_type missing


# --- permissions and roles -------------------------------------------------------------------------


def test_permissions_list_and_page(live_client: ApiClient) -> None:
    permissions = PermissionApi(live_client)
    everything = permissions.get_permissions(limit=ALL)
    assert isinstance(everything, ActionCollection) and everything.actions is not None
    names = [a.name for a in everything.actions]
    assert {"can_read", "can_edit", "can_create", "can_delete", "menu_access"} <= set(names)
    assert everything.total_entries == len(names) and all(isinstance(a, Action) for a in everything.actions)
    page = permissions.get_permissions(limit=2, offset=1)
    assert [a.name for a in page.actions or []] == names[1:3] and page.total_entries == len(names)


def test_role_round_trip(roles: RoleApi, manager: ApiClient, uniq: Callable[[], str]) -> None:
    name = uniq() + SPECIAL_NO_SLASH
    created = roles.post_role(Role(name=name, actions=_grant(("can_read", "Variables"))))
    assert isinstance(created, Role) and created.to_dict() == {}  # Airflow 2.11 answers {} to a new role
    fetched = roles.get_role(name)
    assert fetched.name == name and _pairs(fetched) == {("can_read", "Variables")}

    listed = roles.get_roles(limit=ALL)
    assert isinstance(listed, RoleCollection) and listed.total_entries == len(listed.roles or [])
    assert [_pairs(r) for r in listed.roles or [] if r.name == name] == [{("can_read", "Variables")}]

    grown = roles.patch_role(name, Role(name=name, actions=_grant(("can_read", "Pools"), ("can_edit", "Pools"))))
    # permissions are added, never taken away
    assert _pairs(grown) == {("can_read", "Variables"), ("can_read", "Pools"), ("can_edit", "Pools")}
    renamed = name + "_2"
    moved = roles.patch_role(name, Role(name=renamed, actions=_grant(("can_delete", "Pools"))), update_mask=["name"])
    assert moved.name == renamed and len(_pairs(moved)) == 3  # the mask kept the actions out
    with pytest.raises(sdk.NotFoundException):
        roles.get_role(name)

    assert RoleApi(manager).delete_role(renamed) is None
    with pytest.raises(sdk.NotFoundException) as gone:
        roles.get_role(renamed)
    assert gone.value.title == "Role not found"


def test_roles_order_paging_and_errors(roles: RoleApi, manager: ApiClient, uniq: Callable[[], str]) -> None:
    ordered = [r.name or "" for r in roles.get_roles(order_by="name", limit=ALL).roles or []]
    assert ordered == sorted(ordered) and {"Admin", "Op", "Public", "User", "Viewer"} <= set(ordered)
    page = roles.get_roles(order_by="name", limit=2, offset=1)
    assert [r.name for r in page.roles or []] == ordered[1:3] and page.total_entries == len(ordered)
    with pytest.raises(sdk.BadRequestException):
        roles.get_roles(order_by="-name")  # Airflow 2.11 checks the field with its "-" still on

    name = uniq()
    roles.post_role(Role(name=name, actions=[]))
    try:
        with pytest.raises(sdk.ConflictException):
            roles.post_role(Role(name=name, actions=[]))
        with pytest.raises(sdk.BadRequestException) as unknown:
            roles.patch_role(name, Role(name=name, actions=_grant(("can_fly", "Pools"))))
        assert "can_fly" in str(unknown.value.detail)
        with pytest.raises(sdk.BadRequestException):
            roles.post_role(Role(name="", actions=[]))
    finally:
        RoleApi(manager).delete_role(name)
    with pytest.raises(sdk.NotFoundException):
        RoleApi(manager).delete_role(name)


# --- users -----------------------------------------------------------------------------------------


def test_user_round_trip_password_is_write_only(
    airflow: AirflowServer, live_client: ApiClient, manager: ApiClient, uniq: Callable[[], str]
) -> None:
    users = UserApi(manager)
    role, username = uniq(), uniq()
    RoleApi(live_client).post_role(Role(name=role, actions=_grant(("can_read", "Pools"))))
    try:
        created = UserApi(live_client).post_user(
            User(
                username=username,
                email=f"{username}@example.com",
                first_name="Ada",
                last_name="L",
                password="pa ss/1",
                roles=[{"name": role}],
            )
        )
        assert isinstance(created, User)
        assert (created.username, created.email, created.first_name, created.last_name) == (
            username,
            f"{username}@example.com",
            "Ada",
            "L",
        )
        assert created.roles == [{"name": role}] and created.active is True and created.login_count is None
        assert created.password is None and "password" not in created.to_dict()
        assert isinstance(created.created_on, dt.datetime) and created.created_on.tzinfo is not None
        assert isinstance(created.changed_on, dt.datetime) and created.changed_on.tzinfo is not None
        assert created.failed_login_count is None  # no failed login yet

        with _client(airflow, username, "pa ss/1") as own:  # the password set works; the role limits it
            assert PoolApi(own).get_pools().total_entries
            with pytest.raises(sdk.ForbiddenException):
                VariableApi(own).get_variables()

        fetched = users.get_user(username)
        assert isinstance(fetched, UserCollectionItem) and fetched.username == username
        assert (fetched.login_count or 0) >= 1 and isinstance(fetched.last_login, dt.datetime)
        assert fetched.last_login.tzinfo is not None and "password" not in fetched.to_dict()

        changed = users.patch_user(
            username,
            User(
                username=username,
                email=f"{username}@example.org",
                first_name="Ada",
                last_name="Lovelace",
                roles=[{"name": "Viewer"}],
            ),
        )
        assert (changed.email, changed.last_name, changed.roles) == (
            f"{username}@example.org",
            "Lovelace",
            [{"name": "Viewer"}],
        )
        masked = users.patch_user(
            username,
            User(username=username, email="ignored@example.org", first_name="ignored", last_name="B", password="n3w"),
            update_mask=["last_name", "password"],
        )
        assert (masked.email, masked.first_name, masked.last_name) == (f"{username}@example.org", "Ada", "B")
        with _client(airflow, username, "pa ss/1") as old, pytest.raises(sdk.UnauthorizedException):
            PoolApi(old).get_pools()
        # the spec's failed_login_count is sent as fail_login_count, and read either way
        failed = users.get_user(username)
        assert failed.failed_login_count == 1 and failed.to_dict()["failed_login_count"] == 1
        with _client(airflow, username, "n3w") as new:
            assert PoolApi(new).get_pools().total_entries

        with pytest.raises(sdk.ConflictException) as taken:
            users.post_user(
                User(username=username, email=f"{username}@example.net", first_name="A", last_name="B", password="x")
            )
        assert username in str(taken.value.detail)

        assert users.delete_user(username) is None
        with pytest.raises(sdk.NotFoundException) as gone:
            users.get_user(username)
        assert gone.value.title == "User not found"
        with _client(airflow, username, "n3w") as deleted, pytest.raises(sdk.UnauthorizedException):
            PoolApi(deleted).get_pools()
    finally:
        RoleApi(manager).delete_role(role)


def test_users_list_order_and_paging(live_client: ApiClient, manager: ApiClient, uniq: Callable[[], str]) -> None:
    users = UserApi(manager)
    stem = uniq()
    names = [f"{stem}_{letter}" for letter in "ba"]
    # Without roles the server gives the registration role, which is the public role: None on this
    # server (AUTH_ROLE_PUBLIC = None), so Airflow 2.11 fails with a 500 and creates nothing.
    with pytest.raises(sdk.ServiceException) as no_role:
        users.post_user(User(username=names[0], email="x@example.com", first_name="x", last_name="x", password="p"))
    assert no_role.value.status == 500 and "Failed to add user" in str(no_role.value.detail)
    for name in names:
        users.post_user(
            User(
                username=name,
                email=f"{name}@example.com",
                first_name=name,
                last_name="x",
                password="p",
                roles=[{"name": "Viewer"}],
            )
        )
    try:
        everything = users.get_users(limit=ALL)
        assert isinstance(everything, UserCollection) and everything.users is not None
        listed = [u.username for u in everything.users]
        assert {"admin", "viewer", *names} <= set(listed) and everything.total_entries == len(listed)
        assert all(isinstance(u, UserCollectionItem) and "password" not in u.to_dict() for u in everything.users)

        by_email = [u.email or "" for u in users.get_users(order_by="email", limit=ALL).users or []]
        assert by_email == sorted(by_email)
        by_first = [u.first_name for u in users.get_users(order_by="first_name", limit=ALL).users or []]
        first = by_first.index(sorted(names)[0])
        page = users.get_users(order_by="first_name", limit=2, offset=first)
        assert [u.username for u in page.users or []] == sorted(names) and page.total_entries == len(listed)
        with pytest.raises(sdk.BadRequestException):
            users.get_users(order_by="-email")  # Airflow 2.11 checks the field with its "-" still on

        assert set(names) <= {u.username for u in UserApi(live_client).get_users(limit=ALL).users or []}
    finally:
        for name in names:
            users.delete_user(name)


def test_error_statuses_for_viewers_and_strangers(airflow: AirflowServer) -> None:
    with _client(airflow, "viewer", "viewer") as viewer:
        with pytest.raises(sdk.ForbiddenException):
            VariableApi(viewer).post_variables(Variable(key="sdk_admin_viewer", value="v"))
        with pytest.raises(sdk.ForbiddenException):
            ConnectionApi(viewer).get_connections()
        with pytest.raises(sdk.ForbiddenException):
            RoleApi(viewer).post_role(Role(name="sdk_admin_viewer", actions=[]))
    with ApiClient(Configuration(host=airflow.api_url)) as anonymous:
        with pytest.raises(sdk.UnauthorizedException):
            PoolApi(anonymous).get_pools()
        with pytest.raises(sdk.UnauthorizedException):
            PermissionApi(anonymous).get_permissions()
