"""Users, roles and permissions: one test body against Airflow 2.11.2 and Airflow 3.3.2.

Airflow 2 serves them in its REST API; Airflow 3 leaves them to the auth manager, and the FAB auth
manager serves them at ``/auth/fab/v1``, where the SDK sends them on an ``/api/v2`` host. Each test
makes, through the API, a role granting user and role management and a user holding it (the
"manager"): deleting runs as that user, which proves the grants work; the CLI removes it at the end.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator

import pytest
from test_admin_api_live import MANAGE, _client, _grant, _pairs

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient
from airflow_python_sdk.api.permission_api import PermissionApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.role_api import RoleApi
from airflow_python_sdk.api.user_api import UserApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.models import Action, ActionCollection, Role, User

from airflow_server import ADMIN, AirflowServer

pytestmark = pytest.mark.live


@pytest.fixture(params=["airflow2", "airflow3_fab"])
def server(request: pytest.FixtureRequest) -> AirflowServer:
    return request.getfixturevalue("airflow" if request.param == "airflow2" else "airflow3_fab")  # type: ignore[no-any-return]


@pytest.fixture
def admin(server: AirflowServer) -> Iterator[ApiClient]:
    with _client(server, *ADMIN) as client:
        yield client


@pytest.fixture
def uniq() -> Callable[[], str]:
    counter = itertools.count()
    prefix = f"sdk_fab_{uuid.uuid4().hex[:8]}"
    return lambda: f"{prefix}_{next(counter)}"


@pytest.fixture
def manager(server: AirflowServer, admin: ApiClient, uniq: Callable[[], str]) -> Iterator[ApiClient]:
    name = uniq()
    RoleApi(admin).post_role(Role(name=name, actions=_grant(*MANAGE)))
    UserApi(admin).post_user(
        User(username=name, email=f"{name}@example.com", first_name="M", last_name="G", password="m4nager",
             roles=[{"name": name}])
    )  # fmt: skip
    with _client(server, name, "m4nager") as client:
        yield client
        RoleApi(client).delete_role(name)
    server.airflow("users", "delete", "--username", name)


def test_permissions_list_and_page(server: AirflowServer, admin: ApiClient) -> None:
    permissions = PermissionApi(admin)
    everything = permissions.get_permissions(limit=1000)
    assert isinstance(everything, ActionCollection) and everything.actions is not None
    names = [a.name for a in everything.actions]
    assert {"can_read", "can_edit", "can_create", "can_delete"} <= set(names)
    assert everything.total_entries == len(names) and all(isinstance(a, Action) for a in everything.actions)
    page = permissions.get_permissions(limit=2, offset=1)
    assert [a.name for a in page.actions or []] == names[1:3] and page.total_entries == len(names)
    if server.api_version == "v2":  # the FAB auth manager lists each action with one resource
        assert ("can_read", "Pools") in {(a.name, a["resource"]) for a in everything.actions}


def test_role_and_user_round_trip(
    server: AirflowServer, admin: ApiClient, manager: ApiClient, uniq: Callable[[], str]
) -> None:
    roles, users = RoleApi(admin), UserApi(admin)
    role, username = uniq(), uniq()
    roles.post_role(Role(name=role, actions=_grant(("can_read", "Pools"))))
    assert _pairs(roles.get_role(role)) == {("can_read", "Pools")}
    grown = roles.patch_role(role, Role(name=role, actions=_grant(("can_read", "Pools"), ("can_edit", "Pools"))))
    assert _pairs(grown) == {("can_read", "Pools"), ("can_edit", "Pools")}
    assert role in [r.name for r in roles.get_roles(limit=1000).roles or []]

    created = users.post_user(
        User(username=username, email=f"{username}@example.com", first_name="Ada", last_name="L",
             password="pa ss/1", roles=[{"name": role}])
    )  # fmt: skip
    assert (created.username, created.first_name, created.roles) == (username, "Ada", [{"name": role}])
    assert created.password is None and "password" not in created.to_dict()  # write-only
    with _client(server, username, "pa ss/1") as own:  # the password set works; the role limits it
        assert PoolApi(own).get_pools().total_entries
        with pytest.raises(sdk.ForbiddenException):
            VariableApi(own).get_variables()

    masked = users.patch_user(
        username,
        User(username=username, email="ignored@example.org", first_name="ignored", last_name="B", password="x"),
        update_mask=["last_name"],
    )
    assert (masked.email, masked.first_name, masked.last_name) == (f"{username}@example.com", "Ada", "B")
    assert username in [u.username for u in users.get_users(limit=1000).users or []]
    assert users.get_user(username).last_name == "B"

    assert UserApi(manager).delete_user(username) is None
    with pytest.raises(sdk.NotFoundException):
        users.get_user(username)
    assert RoleApi(manager).delete_role(role) is None
    with pytest.raises(sdk.NotFoundException):
        roles.get_role(role)
