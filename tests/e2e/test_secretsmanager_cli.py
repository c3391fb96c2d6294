"""Secrets Manager through the AWS CLI: the flows people type, and what an error looks like."""
import json
import unittest

from harness import ServerTestCase


class SecretsManagerCli(ServerTestCase):
    def sm(self, *args, check=True):
        return self.server.cli("secretsmanager", *args, check=check)

    def test_create_get_put_describe(self):
        _, created, _ = self.sm("create-secret", "--name", "cli/db", "--secret-string", '{"password":"one"}',
                                "--description", "from the cli", "--tags", "Key=env,Value=dev")
        self.assertTrue(created["ARN"].startswith("arn:aws:secretsmanager:us-east-1:"))
        _, got, _ = self.sm("get-secret-value", "--secret-id", "cli/db")
        self.assertEqual(json.loads(got["SecretString"]), {"password": "one"})
        _, put, _ = self.sm("put-secret-value", "--secret-id", created["ARN"], "--secret-string", "two")
        self.assertEqual(put["VersionStages"], ["AWSCURRENT"])
        _, got, _ = self.sm("get-secret-value", "--secret-id", "cli/db", "--query", "SecretString", "--output", "text")
        self.assertEqual(got, "two\n")
        _, described, _ = self.sm("describe-secret", "--secret-id", "cli/db")
        self.assertEqual(described["Description"], "from the cli")
        self.assertEqual(sorted(described["VersionIdsToStages"].values()), [["AWSCURRENT"], ["AWSPREVIOUS"]])

    def test_list_with_filters(self):
        for name in ("prod/api", "prod/web", "dev/api"):
            self.sm("create-secret", "--name", name, "--secret-string", "x")
        _, listed, _ = self.sm("list-secrets", "--filters", "Key=name,Values=prod/")
        self.assertEqual(sorted(s["Name"] for s in listed["SecretList"]), ["prod/api", "prod/web"])
        _, listed, _ = self.sm("list-secrets", "--filters", "Key=name,Values=!prod/")
        self.assertEqual([s["Name"] for s in listed["SecretList"]], ["dev/api"])
        _, listed, _ = self.sm("list-secrets", "--sort-order", "desc", "--max-items", "2")
        self.assertEqual([s["Name"] for s in listed["SecretList"]], ["dev/api", "prod/web"])
        self.assertIn("NextToken", listed)

    def test_update_secret_version_stage(self):
        _, created, _ = self.sm("create-secret", "--name", "staged", "--secret-string", "one")
        _, put, _ = self.sm("put-secret-value", "--secret-id", "staged", "--secret-string", "two",
                            "--version-stages", "AWSPENDING")
        self.sm("update-secret-version-stage", "--secret-id", "staged", "--version-stage", "AWSCURRENT",
                "--move-to-version-id", put["VersionId"], "--remove-from-version-id", created["VersionId"])
        _, got, _ = self.sm("get-secret-value", "--secret-id", "staged")
        self.assertEqual(got["SecretString"], "two")
        _, versions, _ = self.sm("list-secret-version-ids", "--secret-id", "staged")
        stages = {v["VersionId"]: sorted(v["VersionStages"]) for v in versions["Versions"]}
        self.assertEqual(stages, {created["VersionId"]: ["AWSPREVIOUS"],
                                  put["VersionId"]: ["AWSCURRENT", "AWSPENDING"]})

    def test_delete_and_restore(self):
        self.sm("create-secret", "--name", "temp", "--secret-string", "x")
        _, deleted, _ = self.sm("delete-secret", "--secret-id", "temp", "--recovery-window-in-days", "7")
        self.assertIn("DeletionDate", deleted)
        code, _, err = self.sm("get-secret-value", "--secret-id", "temp", check=False)
        self.assertEqual(code, 255)
        self.assertIn("InvalidRequestException", err)
        self.assertIn("marked for deletion", err)
        self.sm("restore-secret", "--secret-id", "temp")
        _, got, _ = self.sm("get-secret-value", "--secret-id", "temp")
        self.assertEqual(got["SecretString"], "x")
        self.sm("delete-secret", "--secret-id", "temp", "--force-delete-without-recovery")
        code, _, err = self.sm("describe-secret", "--secret-id", "temp", check=False)
        self.assertEqual(code, 255)

    def test_get_random_password(self):
        _, out, _ = self.sm("get-random-password", "--password-length", "48", "--exclude-punctuation")
        p = out["RandomPassword"]
        self.assertEqual(len(p), 48)
        self.assertTrue(p.isalnum())

    def test_tag_and_untag(self):
        self.sm("create-secret", "--name", "tagged", "--secret-string", "x")
        self.sm("tag-resource", "--secret-id", "tagged", "--tags", "Key=a,Value=1", "Key=b,Value=2")
        self.sm("untag-resource", "--secret-id", "tagged", "--tag-keys", "a")
        _, described, _ = self.sm("describe-secret", "--secret-id", "tagged")
        self.assertEqual(described["Tags"], [{"Key": "b", "Value": "2"}])

    def test_error_exit_code_and_message(self):
        code, out, err = self.sm("get-secret-value", "--secret-id", "does-not-exist", check=False)
        self.assertEqual(code, 255)
        self.assertIn("An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: "
                      "Secrets Manager can't find the specified secret.", err)
        self.sm("create-secret", "--name", "twice", "--secret-string", "x")
        code, _, err = self.sm("create-secret", "--name", "twice", "--secret-string", "y", check=False)
        self.assertEqual(code, 255)
        self.assertIn("(ResourceExistsException)", err)
        self.assertIn("The operation failed because the secret twice already exists.", err)


if __name__ == "__main__":
    unittest.main()
