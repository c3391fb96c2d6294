"""Terraform's AWS provider against Secrets Manager: apply a secret, its version and its
policy; a second plan shows no changes; destroy removes the secret."""
import json
import unittest

from harness import TerraformTestCase


class SecretsManagerTerraform(TerraformTestCase):
    module = "secretsmanager"

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
