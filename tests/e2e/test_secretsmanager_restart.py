"""Secrets survive a kill -9: every secret, version, label and value is found by a new
server started on the same state directory."""
import shutil
import unittest

from harness import Server


class SecretsSurviveKill9(unittest.TestCase):
    def test_kill9_then_restart_finds_everything(self):
        first = Server().start()
        state_dir = first.state_dir
        try:
            sm = first.client("secretsmanager")
            expected = {}
            for i in range(20):
                name = f"persist/{i}"
                sm.create_secret(Name=name, SecretString=f"value-{i}", Tags=[{"Key": "i", "Value": str(i)}])
                expected[name] = f"value-{i}"
            sm.put_secret_value(SecretId="persist/0", SecretString="value-0-v2")
            sm.put_secret_value(SecretId="persist/0", SecretString="value-0-v3")
            expected["persist/0"] = "value-0-v3"
            sm.create_secret(Name="persist/binary", SecretBinary=b"\x00\xffbinary")
            sm.delete_secret(SecretId="persist/19", RecoveryWindowInDays=7)
            eu = first.client("secretsmanager", region="eu-west-1")
            eu.create_secret(Name="persist/eu", SecretString="in-europe")
            versions_before = sm.describe_secret(SecretId="persist/0")["VersionIdsToStages"]
            first.kill9()
            self.assertEqual(first.proc.returncode, -9)

            with Server(state_dir=state_dir) as second:
                sm = second.client("secretsmanager")
                for name, value in expected.items():
                    if name == "persist/19":
                        continue
                    self.assertEqual(sm.get_secret_value(SecretId=name)["SecretString"], value, name)
                self.assertEqual(sm.describe_secret(SecretId="persist/0")["VersionIdsToStages"], versions_before)
                self.assertEqual(sm.get_secret_value(SecretId="persist/0", VersionStage="AWSPREVIOUS")["SecretString"],
                                 "value-0-v2")
                self.assertEqual(sm.get_secret_value(SecretId="persist/binary")["SecretBinary"], b"\x00\xffbinary")
                self.assertIn("DeletedDate", sm.describe_secret(SecretId="persist/19"))
                self.assertEqual(sm.describe_secret(SecretId="persist/7")["Tags"], [{"Key": "i", "Value": "7"}])
                names = [s["Name"] for p in sm.get_paginator("list_secrets").paginate() for s in p["SecretList"]]
                self.assertEqual(len(names), 20)  # 19 live + the binary one; persist/19 is scheduled for deletion
                eu = second.client("secretsmanager", region="eu-west-1")
                self.assertEqual(eu.get_secret_value(SecretId="persist/eu")["SecretString"], "in-europe")
        finally:
            first.stop()
            shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
