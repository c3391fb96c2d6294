"""The server itself, through real sockets: HTTP behaviour, the emulator's own API, the
peers' paths, bad input, and shutdown."""
import http.client
import json
import signal
import socket
import subprocess
import time
import unittest

from harness import ServerTestCase, Server

TARGET = {"X-Amz-Target": "secretsmanager.ListSecrets", "Content-Type": "application/x-amz-json-1.1"}


class HttpBehaviour(ServerTestCase):
    def conn(self):
        c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        self.addCleanup(c.close)
        return c

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        c = self.conn()
        for _ in range(5):
            c.request("POST", "/", body="{}", headers=TARGET)
            r = c.getresponse()
            self.assertEqual(r.status, 200)
            self.assertIn("SecretList", json.loads(r.read()))
        c.close()

    def test_expect_100_continue_and_chunked_body(self):
        # curl sends Expect: 100-continue for large bodies and chunked when told to.
        body = json.dumps({"Name": "chunky", "SecretString": "x" * 2000})
        p = subprocess.run(
            ["curl", "-s", "-H", "Expect: 100-continue", "-H", "Transfer-Encoding: chunked",
             "-H", "X-Amz-Target: secretsmanager.CreateSecret", "-H", "Content-Type: application/x-amz-json-1.1",
             "--data-binary", body, self.server.endpoint + "/"], capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["Name"], "chunky")

    def test_body_over_the_limit_gets_413(self):
        c = self.conn()
        c.putrequest("POST", "/")
        c.putheader("Content-Length", str(64 * 1024 * 1024))
        c.putheader("X-Amz-Target", "secretsmanager.ListSecrets")
        c.endheaders()
        r = c.getresponse()
        self.assertEqual(r.status, 413)
        self.assertIn(b"too large", r.read())

    def test_garbage_on_the_socket_gets_400_not_a_crash(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=5) as s:
            s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
            self.assertTrue(s.recv(100).startswith(b"HTTP/1.1 400"))
        self.assertEqual(self.server.admin("GET", "/_understudy/health")["status"], "ok")

    def test_malformed_json_body_is_a_clear_4xx(self):
        c = self.conn()
        c.request("POST", "/", body="{not json", headers=TARGET)
        r = c.getresponse()
        body = json.loads(r.read())
        self.assertEqual(r.status, 400)
        self.assertEqual(body["__type"].split("#")[-1], "SerializationException")

    def test_unknown_operation_is_a_4xx_that_names_it(self):
        c = self.conn()
        c.request("POST", "/", body="{}", headers={**TARGET, "X-Amz-Target": "secretsmanager.FlyToTheMoon"})
        r = c.getresponse()
        body = r.read().decode()
        self.assertTrue(400 <= r.status < 500, r.status)
        self.assertIn("FlyToTheMoon", body)
        self.assertIn("FlyToTheMoon", self.server.read_log())

    def test_request_that_names_no_service_is_a_4xx(self):
        c = self.conn()
        c.request("POST", "/nowhere", body="hello", headers={"Content-Type": "text/plain"})
        r = c.getresponse()
        self.assertTrue(400 <= r.status < 500, r.status)
        r.read()

    def test_one_log_line_per_request_without_secret_values(self):
        sm = self.server.client("secretsmanager")
        sm.create_secret(Name="logged", SecretString="do-not-log-me-7731")
        sm.get_secret_value(SecretId="logged")
        log = self.server.read_log()
        self.assertNotIn("do-not-log-me-7731", log)
        lines = [l for l in log.splitlines() if " GetSecretValue " in l]
        self.assertEqual(len(lines), 1, log[-2000:])
        self.assertRegex(lines[0], r"secretsmanager GetSecretValue 000000000000 us-east-1 200 [\d.]+ms [0-9a-f-]{36}")


class EmulatorApi(ServerTestCase):
    def test_health_lists_services_and_version(self):
        health = self.server.admin("GET", "/_understudy/health")
        self.assertEqual(health["status"], "ok")
        self.assertIn("secretsmanager", health["services"])
        self.assertIn("sts", health["services"])
        self.assertRegex(health["version"], r"^\d+\.\d+\.\d+$")

    def test_peer_paths_answer(self):
        ls = self.server.admin("GET", "/_localstack/health")
        self.assertEqual(ls["services"]["secretsmanager"], "running")
        self.server.client("secretsmanager").create_secret(Name="gone", SecretString="x")
        self.server.admin("POST", "/moto-api/reset")
        self.assertEqual(self.server.client("secretsmanager").list_secrets()["SecretList"], [])

    def test_reset_and_resources(self):
        self.server.client("secretsmanager").create_secret(Name="counted", SecretString="x")
        self.assertEqual(self.server.admin("GET", "/_understudy/resources")["resources"]["secretsmanager"]["secret"], 1)
        self.server.reset()
        self.assertEqual(self.server.admin("GET", "/_understudy/resources")["resources"], {})

    def test_clock_moves_forward_only(self):
        before = self.server.admin("GET", "/_understudy/clock")["now"]
        after = self.server.advance_clock(86400)["now"]
        self.assertGreaterEqual(after - before, 86400)
        with self.assertRaises(Exception) as ctx:
            self.server.admin("POST", "/_understudy/clock", {"advance_seconds": -5})
        self.assertEqual(ctx.exception.code, 400)

    def test_accounts_and_regions_are_isolated(self):
        east = self.server.client("secretsmanager")
        west = self.server.client("secretsmanager", region="us-west-2")
        other = self.server.client("secretsmanager", access_key="111122223333")
        east.create_secret(Name="only-here", SecretString="x")
        self.assertEqual(west.list_secrets()["SecretList"], [])
        self.assertEqual(other.list_secrets()["SecretList"], [])
        arn = east.describe_secret(SecretId="only-here")["ARN"]
        self.assertIn(":000000000000:", arn)
        made = other.create_secret(Name="theirs", SecretString="x")
        self.assertIn(":111122223333:", made["ARN"])


class Lifecycle(unittest.TestCase):
    def test_sigterm_finishes_and_exits_cleanly(self):
        with Server() as server:
            server.client("secretsmanager").create_secret(Name="kept", SecretString="v")
            c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            c.request("POST", "/", body="{}", headers=TARGET)  # an idle keep-alive connection stays open
            c.getresponse().read()
            self.addCleanup(c.close)
            t0 = time.time()
            self.assertEqual(server.stop(signal.SIGTERM), 0)
            self.assertLess(time.time() - t0, 5, "an idle connection must not hold shutdown")
            with Server(state_dir=server.state_dir) as again:
                self.assertEqual(again.client("secretsmanager").get_secret_value(SecretId="kept")["SecretString"], "v")

    def test_version_and_status_commands(self):
        from harness import BIN
        out = subprocess.run([BIN, "--version"], capture_output=True, text=True).stdout
        self.assertRegex(out, r"^understudy \d+\.\d+\.\d+")
        with Server() as server:
            p = subprocess.run([BIN, "status", "--port", str(server.port)], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("secretsmanager: running", p.stdout)
        p = subprocess.run([BIN, "status", "--port", "1"], capture_output=True, text=True)
        self.assertNotEqual(p.returncode, 0)

    def test_bad_flags_are_refused_with_usage(self):
        from harness import BIN
        p = subprocess.run([BIN, "serve", "--port", "notaport"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("usage", p.stderr)


if __name__ == "__main__":
    unittest.main()
