"""Runs the real understudy binary for a test and hands out real clients pointed at it.

Every test module starts its own server on a free port (state in a temporary folder
unless it asks for --ephemeral) and resets it between tests through the emulator's own
API, so tests in one module share the process but not their resources.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

import boto3
import botocore.config

BIN = os.environ.get("UNDERSTUDY_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "understudy")
TMP_ROOT = os.environ.get("UNDERSTUDY_TEST_TMP") or tempfile.gettempdir()
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One understudy process. Use as a context manager or call start()/stop()."""

    def __init__(self, *extra_args, ephemeral=False, env=None, state_dir=None):
        """state_dir: reuse the state of an earlier server (a restart); a new folder otherwise."""
        self.port = free_port()
        self.extra_args = list(extra_args)
        self.ephemeral = ephemeral
        os.makedirs(TMP_ROOT, exist_ok=True)
        self.state_dir = state_dir or tempfile.mkdtemp(prefix="state-", dir=TMP_ROOT)
        self.env = dict(os.environ, **(env or {}))
        self.proc = None
        self.log_path = os.path.join(self.state_dir, "server.log")

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        args = [BIN, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "debug"]
        args += ["--ephemeral"] if self.ephemeral else ["--state-dir", self.state_dir]
        args += self.extra_args
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"understudy exited with {self.proc.returncode}:\n{self.read_log()}")
            try:
                with urllib.request.urlopen(self.endpoint + "/_understudy/health", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("understudy did not become healthy:\n" + self.read_log())

    def read_log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()
        return self.proc.returncode if self.proc else None

    def kill9(self):
        return self.stop(sig=signal.SIGKILL)

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.state_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()

    # The emulator's own API
    def admin(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.endpoint + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            raw = r.read()
            return json.loads(raw) if raw else None

    def reset(self):
        return self.admin("POST", "/_understudy/reset")

    def advance_clock(self, seconds):
        return self.admin("POST", "/_understudy/clock", {"advance_seconds": seconds})

    # Real clients
    def client(self, service, region=REGION, access_key=ACCESS_KEY, **config):
        return boto3.client(
            service, endpoint_url=self.endpoint, region_name=region,
            aws_access_key_id=access_key, aws_secret_access_key=SECRET_KEY,
            config=botocore.config.Config(retries={"max_attempts": 1}, **config))

    def cli_env(self, region=REGION, access_key=ACCESS_KEY):
        env = dict(os.environ)
        env.update(AWS_ACCESS_KEY_ID=access_key, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                   AWS_DEFAULT_REGION=region, AWS_PAGER="", AWS_MAX_ATTEMPTS="1")
        env.pop("AWS_PROFILE", None)
        return env

    def cli(self, *args, region=REGION, access_key=ACCESS_KEY, check=True):
        """Runs the AWS CLI against this server; returns (exit code, parsed JSON or text, stderr)."""
        cmd = ["aws", "--endpoint-url", self.endpoint, "--output", "json", *args]
        p = subprocess.run(cmd, capture_output=True, text=True, env=self.cli_env(region, access_key),
                           timeout=120)
        if check and p.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr}")
        out = p.stdout
        try:
            out = json.loads(out) if out.strip() else None
        except ValueError:
            pass
        return p.returncode, out, p.stderr


class ServerTestCase(unittest.TestCase):
    """A test class sharing one server, reset before every test."""

    server_args = ()
    ephemeral = False

    @classmethod
    def setUpClass(cls):
        cls.server = Server(*cls.server_args, ephemeral=cls.ephemeral).start()

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        log = cls.server.read_log()
        cls.server.cleanup()
        # A clean SIGTERM shutdown exits 0; anything else (a sanitizer report) fails the class.
        if code not in (0, None):
            raise AssertionError(f"understudy exited with {code}:\n{log[-4000:]}")

    def setUp(self):
        self.server.reset()


TERRAFORM = shutil.which("terraform")
TERRAFORM_PLUGINS = "/opt/tf-plugins"


@unittest.skipUnless(TERRAFORM, "terraform is not on PATH")
class TerraformTestCase(ServerTestCase):
    """Runs the Terraform module in tests/terraform/<module> against this server, with the
    AWS provider from the local filesystem mirror so that nothing is downloaded."""

    module = None

    def setUp(self):
        super().setUp()
        os.makedirs(TMP_ROOT, exist_ok=True)
        self.workdir = tempfile.mkdtemp(prefix=f"tf-{self.module}-", dir=TMP_ROOT)
        self.addCleanup(shutil.rmtree, self.workdir, ignore_errors=True)
        source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "terraform", self.module)
        for name in os.listdir(source):
            if name.endswith(".tf"):
                shutil.copy(os.path.join(source, name), self.workdir)
        cli_config = os.path.join(self.workdir, "terraform.rc")
        with open(cli_config, "w") as f:
            f.write('provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' % TERRAFORM_PLUGINS)
        self.env = dict(os.environ, TF_CLI_CONFIG_FILE=cli_config, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                        TF_VAR_endpoint=self.server.endpoint, AWS_EC2_METADATA_DISABLED="true")
        for key in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            self.env.pop(key, None)
        if os.environ.get("UNDERSTUDY_TF_LOG"):
            self.env.update(TF_LOG="DEBUG", TF_LOG_PATH=os.environ["UNDERSTUDY_TF_LOG"])

    def terraform(self, *args, ok=(0,)):
        p = subprocess.run([TERRAFORM, *args, "-no-color"], cwd=self.workdir, env=self.env, capture_output=True,
                           text=True, timeout=900)
        if p.returncode not in ok:
            self.fail(f"terraform {' '.join(args)} exited {p.returncode}:\n{p.stdout[-6000:]}\n{p.stderr[-6000:]}\n"
                      f"server log:\n{self.server.read_log()[-4000:]}")
        return p
