"""Terraform's AWS provider against Secrets Manager: apply a secret, its version and its
policy; a second plan shows no changes; destroy removes the secret."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from harness import ServerTestCase, TMP_ROOT

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.join(HERE, "..", "terraform", "secretsmanager")
TERRAFORM = shutil.which("terraform")
PLUGINS = "/opt/tf-plugins"


@unittest.skipUnless(TERRAFORM, "terraform is not on PATH")
class SecretsManagerTerraform(ServerTestCase):
    def setUp(self):
        super().setUp()
        os.makedirs(TMP_ROOT, exist_ok=True)
        self.workdir = tempfile.mkdtemp(prefix="tf-secrets-", dir=TMP_ROOT)
        self.addCleanup(shutil.rmtree, self.workdir, ignore_errors=True)
        shutil.copy(os.path.join(MODULE, "main.tf"), self.workdir)
        cli_config = os.path.join(self.workdir, "terraform.rc")
        with open(cli_config, "w") as f:
            f.write('provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' % PLUGINS)
        self.env = dict(os.environ, TF_CLI_CONFIG_FILE=cli_config, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                        TF_VAR_endpoint=self.server.endpoint, AWS_EC2_METADATA_DISABLED="true")
        for key in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            self.env.pop(key, None)

    def terraform(self, *args, ok=(0,)):
        p = subprocess.run([TERRAFORM, *args, "-no-color"], cwd=self.workdir, env=self.env, capture_output=True,
                           text=True, timeout=600)
        if p.returncode not in ok:
            self.fail(f"terraform {' '.join(args)} exited {p.returncode}:\n{p.stdout}\n{p.stderr}\n"
                      f"server log:\n{self.server.read_log()[-3000:]}")
        return p

    def test_apply_plan_destroy(self):
        self.terraform("init", "-input=false")
        self.terraform("apply", "-auto-approve", "-input=false")
        outputs = json.loads(self.terraform("output", "-json").stdout)
        arn = outputs["arn"]["value"]

        sm = self.server.client("secretsmanager")
        described = sm.describe_secret(SecretId="tf/app/database")
        self.assertEqual(described["ARN"], arn)
        self.assertEqual(described["Description"], "credentials of the app database")
        self.assertEqual(described["Tags"], [{"Key": "team", "Value": "platform"}])
        value = sm.get_secret_value(SecretId=arn)
        self.assertEqual(json.loads(value["SecretString"]), {"username": "app",
                                                             "password": "correct-horse-battery-staple"})
        self.assertEqual(value["VersionId"], outputs["version_id"]["value"].split("|")[-1])
        policy = json.loads(sm.get_resource_policy(SecretId=arn)["ResourcePolicy"])
        self.assertEqual(policy["Statement"][0]["Sid"], "ReadersOnly")

        plan = self.terraform("plan", "-detailed-exitcode", "-input=false", ok=(0, 2))
        self.assertEqual(plan.returncode, 0, "a second plan wants changes:\n" + plan.stdout)

        self.terraform("destroy", "-auto-approve", "-input=false")
        with self.assertRaises(sm.exceptions.ResourceNotFoundException):
            sm.describe_secret(SecretId="tf/app/database")


if __name__ == "__main__":
    unittest.main()
