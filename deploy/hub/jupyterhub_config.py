"""JupyterHub configuration of the course hub (started by `make hub`, i.e. `python -m autograder.hub start`).

Read by JupyterHub, which `python -m autograder.hub` starts with these variables set:
CMW_HUB_STATE (the state folder), CMW_HUB_IP, CMW_HUB_PORT and CMW_HUB_AUTH (pam or native).
"""

import json
import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub

HERE = Path(__file__).resolve().parent
STATE = Path(os.environ["CMW_HUB_STATE"])
HUB = STATE / "hub"
RUNTIME = Path(os.environ.get("CMW_HUB_RUNTIME") or STATE / "runtime")
BIN = RUNTIME / "venv" / "bin"  # the people's servers run from this environment, open to every account
ROSTER = json.loads((HUB / "roster.json").read_text()) if (HUB / "roster.json").exists() else {}
INSTRUCTORS = set(ROSTER.get("instructor", []))
LEARNERS = set(ROSTER.get("learner", []))

c.JupyterHub.ip = os.environ.get("CMW_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("CMW_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("CMW_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('CMW_HUB_PROXY_API_PORT', '8001')}"
c.JupyterHub.db_url = f"sqlite:///{HUB / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(HUB / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(HUB / "proxy.pid")
c.JupyterHub.cleanup_servers = True  # `make hub-stop` stops every learner's server too

# Who may log in: the roster's people. Instructors are the hub's admins and form the group that gets
# formgrader on their own servers (nbgrader's documented set-up for one course on one hub).
auth = os.environ.get("CMW_HUB_AUTH", "pam")
if auth == "native":
    c.JupyterHub.authenticator_class = "nativeauthenticator.NativeAuthenticator"
    c.NativeAuthenticator.open_signup = False  # an instructor approves every sign-up
elif auth == "dummy":  # the test suite only: it refuses to start without the tests' marker
    assert os.environ.get("CMW_HUB_TESTING") == "1", "the dummy authenticator is for the test suite only"
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ["CMW_HUB_TEST_PASSWORD"]
else:
    c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = INSTRUCTORS | LEARNERS
c.Authenticator.admin_users = INSTRUCTORS
c.JupyterHub.load_groups = {"instructors": {"users": sorted(INSTRUCTORS)}, "learners": {"users": sorted(LEARNERS)}}

# One server per person, started as that person's own system account, in their home folder.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def _settings_for(spawner):
    """Each server reads the settings of its person's role: learners never get formgrader."""
    role = "instructor" if spawner.user.name in INSTRUCTORS else "learner"
    spawner.environment.update({
        "JUPYTER_CONFIG_PATH": str(STATE / "config" / role),
        "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
        "PYTHONWARNINGS": "ignore::DeprecationWarning",
    })
    if role == "instructor":  # formgrader needs the course folder at (or under) the server's root
        spawner.notebook_dir = str(STATE / "course")
    if (RUNTIME / "python").exists():  # the course's copy of Python (see autograder/hub.py: base_python)
        spawner.environment["LD_LIBRARY_PATH"] = str(RUNTIME / "python" / "lib")


c.Spawner.pre_spawn_hook = _settings_for

# A service token for the course's own tools (`python -m autograder.hub`, the tests): manage users and
# servers, make tokens; nothing else.
c.JupyterHub.services = [{"name": "cmw-admin", "api_token": (HUB / "admin-token").read_text().strip()}]
c.JupyterHub.load_roles = [{"name": "cmw-admin", "services": ["cmw-admin"],
                            "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users",
                                       "admin:groups"]}]
