"""Secrets Manager through boto3: every operation, its errors, versions and stages,
deletion and rotation on the emulator's clock, replication across regions, filters and
pagination, binary secrets and idempotency."""
import base64
import datetime
import json
import string
import unittest
import uuid

from botocore.exceptions import ClientError

from harness import ServerTestCase

DAY = 86400
MARKED = "You can't perform this operation on the secret because it was marked for deletion."
NOT_FOUND = "Secrets Manager can't find the specified secret."
LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:rotate-me"


class SecretsManagerTest(ServerTestCase):
    def setUp(self):
        super().setUp()
        self.sm = self.server.client("secretsmanager")

    def assertError(self, code, fn, *args, message=None, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        err = cm.exception.response["Error"]
        self.assertEqual(err["Code"], code, err)
        if message is not None:
            self.assertIn(message, err["Message"])
        return err


class CreateAndRead(SecretsManagerTest):
    def test_create_get_describe(self):
        created = self.sm.create_secret(Name="app/db", SecretString='{"user":"u","password":"p"}',
                                        Description="the database", Tags=[{"Key": "env", "Value": "prod"}])
        self.assertRegex(created["ARN"],
                         r"^arn:aws:secretsmanager:us-east-1:\d{12}:secret:app/db-[A-Za-z0-9]{6}$")
        self.assertEqual(created["Name"], "app/db")
        got = self.sm.get_secret_value(SecretId="app/db")
        self.assertEqual(json.loads(got["SecretString"]), {"user": "u", "password": "p"})
        self.assertEqual(got["VersionId"], created["VersionId"])
        self.assertEqual(got["VersionStages"], ["AWSCURRENT"])
        self.assertIsInstance(got["CreatedDate"], datetime.datetime)
        d = self.sm.describe_secret(SecretId=created["ARN"])
        self.assertEqual(d["Description"], "the database")
        self.assertEqual(d["Tags"], [{"Key": "env", "Value": "prod"}])
        self.assertEqual(d["VersionIdsToStages"], {created["VersionId"]: ["AWSCURRENT"]})
        self.assertEqual(d["PrimaryRegion"], "us-east-1")
        self.assertNotIn("RotationEnabled", d)
        self.assertNotIn("DeletedDate", d)
        # LastAccessedDate is the day of the last read, at midnight UTC.
        accessed = d["LastAccessedDate"]
        self.assertEqual((accessed.hour, accessed.minute, accessed.second), (0, 0, 0))

    def test_lookup_by_full_and_partial_arn(self):
        arn = self.sm.create_secret(Name="lookup", SecretString="v")["ARN"]
        self.assertEqual(self.sm.get_secret_value(SecretId=arn)["SecretString"], "v")
        self.assertEqual(self.sm.get_secret_value(SecretId=arn[:-7])["SecretString"], "v")
        self.assertError("ResourceNotFoundException", self.sm.get_secret_value, SecretId=arn[:-6] + "XXXXXX",
                         message=NOT_FOUND)

    def test_binary_secret_round_trips(self):
        blob = bytes(range(256))
        created = self.sm.create_secret(Name="bin", SecretBinary=blob)
        got = self.sm.get_secret_value(SecretId="bin")
        self.assertEqual(got["SecretBinary"], blob)
        self.assertNotIn("SecretString", got)
        self.sm.put_secret_value(SecretId="bin", SecretBinary=b"\x00\x01")
        self.assertEqual(self.sm.get_secret_value(SecretId="bin")["SecretBinary"], b"\x00\x01")
        self.assertEqual(self.sm.get_secret_value(SecretId="bin", VersionId=created["VersionId"])["SecretBinary"], blob)

    def test_create_without_value_then_put(self):
        self.sm.create_secret(Name="empty")
        self.assertError("ResourceNotFoundException", self.sm.get_secret_value, SecretId="empty",
                         message="staging label: AWSCURRENT")
        put = self.sm.put_secret_value(SecretId="empty", SecretString="first", VersionStages=["CUSTOM"])
        # The first version of a secret is always AWSCURRENT.
        self.assertEqual(sorted(put["VersionStages"]), ["AWSCURRENT", "CUSTOM"])
        self.assertEqual(self.sm.get_secret_value(SecretId="empty")["SecretString"], "first")

    def test_create_errors(self):
        self.sm.create_secret(Name="dup", SecretString="a")
        self.assertError("ResourceExistsException", self.sm.create_secret, Name="dup", SecretString="b",
                         message="The operation failed because the secret dup already exists.")
        self.assertError("InvalidParameterException", self.sm.create_secret, Name="both", SecretString="a",
                         SecretBinary=b"b")
        self.assertError("ValidationException", self.sm.create_secret, Name="bad name!", SecretString="a",
                         message="Invalid name")
        self.assertError("InvalidParameterException", self.sm.create_secret, Name="badtag", SecretString="a",
                         Tags=[{"Key": "aws:reserved", "Value": "x"}])
        self.assertError("InvalidParameterException", self.sm.create_secret, Name="huge",
                         SecretString="x" * 65537)
        self.sm.create_secret(Name="max", SecretString="x" * 65536)
        self.assertEqual(len(self.sm.get_secret_value(SecretId="max")["SecretString"]), 65536)

    def test_missing_secret_errors(self):
        for call in (lambda: self.sm.get_secret_value(SecretId="nope"),
                     lambda: self.sm.describe_secret(SecretId="nope"),
                     lambda: self.sm.put_secret_value(SecretId="nope", SecretString="x"),
                     lambda: self.sm.update_secret(SecretId="nope", Description="x"),
                     lambda: self.sm.delete_secret(SecretId="nope"),
                     lambda: self.sm.tag_resource(SecretId="nope", Tags=[{"Key": "a", "Value": "b"}]),
                     lambda: self.sm.list_secret_version_ids(SecretId="nope"),
                     lambda: self.sm.get_resource_policy(SecretId="nope")):
            self.assertError("ResourceNotFoundException", call, message=NOT_FOUND)


class VersionsAndStages(SecretsManagerTest):
    def test_put_moves_current_and_previous(self):
        v1 = self.sm.create_secret(Name="s", SecretString="one")["VersionId"]
        v2 = self.sm.put_secret_value(SecretId="s", SecretString="two")["VersionId"]
        v3 = self.sm.update_secret(SecretId="s", SecretString="three")["VersionId"]
        stages = self.sm.describe_secret(SecretId="s")["VersionIdsToStages"]
        self.assertEqual(stages, {v3: ["AWSCURRENT"], v2: ["AWSPREVIOUS"]})
        self.assertEqual(self.sm.get_secret_value(SecretId="s", VersionStage="AWSPREVIOUS")["SecretString"], "two")
        self.assertEqual(self.sm.get_secret_value(SecretId="s", VersionId=v1)["SecretString"], "one")
        listed = self.sm.list_secret_version_ids(SecretId="s")["Versions"]
        self.assertEqual({v["VersionId"] for v in listed}, {v2, v3})
        listed = self.sm.list_secret_version_ids(SecretId="s", IncludeDeprecated=True)["Versions"]
        self.assertEqual({v["VersionId"] for v in listed}, {v1, v2, v3})
        self.assertError("ResourceNotFoundException", self.sm.get_secret_value, SecretId="s",
                         VersionId=str(uuid.uuid4()))
        self.assertError("ResourceNotFoundException", self.sm.get_secret_value, SecretId="s",
                         VersionStage="NOPE", message="staging label: NOPE")

    def test_idempotent_tokens(self):
        token = str(uuid.uuid4())
        a = self.sm.put_secret_value(SecretId=self.sm.create_secret(Name="i", SecretString="0")["ARN"],
                                     SecretString="same", ClientRequestToken=token)
        b = self.sm.put_secret_value(SecretId="i", SecretString="same", ClientRequestToken=token)
        self.assertEqual(a["VersionId"], b["VersionId"])
        self.assertError("ResourceExistsException", self.sm.put_secret_value, SecretId="i",
                         SecretString="different", ClientRequestToken=token)
        self.assertEqual(len(self.sm.list_secret_version_ids(SecretId="i")["Versions"]), 2)
        token2 = str(uuid.uuid4())
        first = self.sm.create_secret(Name="ci", SecretString="v", ClientRequestToken=token2)
        again = self.sm.create_secret(Name="ci", SecretString="v", ClientRequestToken=token2)
        self.assertEqual(first["ARN"], again["ARN"])
        self.assertError("ResourceExistsException", self.sm.create_secret, Name="ci", SecretString="w",
                         ClientRequestToken=token2)

    def test_update_secret_version_stage(self):
        v1 = self.sm.create_secret(Name="st", SecretString="one")["VersionId"]
        v2 = self.sm.put_secret_value(SecretId="st", SecretString="two", VersionStages=["AWSPENDING"])["VersionId"]
        self.assertEqual(self.sm.get_secret_value(SecretId="st")["SecretString"], "one")
        self.assertError("InvalidParameterException", self.sm.update_secret_version_stage, SecretId="st",
                         VersionStage="AWSCURRENT", MoveToVersionId=v2, message="RemoveFromVersionId")
        self.sm.update_secret_version_stage(SecretId="st", VersionStage="AWSCURRENT", MoveToVersionId=v2,
                                            RemoveFromVersionId=v1)
        stages = self.sm.describe_secret(SecretId="st")["VersionIdsToStages"]
        self.assertEqual(sorted(stages[v2]), ["AWSCURRENT", "AWSPENDING"])
        self.assertEqual(stages[v1], ["AWSPREVIOUS"])
        self.sm.update_secret_version_stage(SecretId="st", VersionStage="AWSPENDING", RemoveFromVersionId=v2)
        self.sm.update_secret_version_stage(SecretId="st", VersionStage="BLUE", MoveToVersionId=v1)
        stages = self.sm.describe_secret(SecretId="st")["VersionIdsToStages"]
        self.assertEqual(stages, {v2: ["AWSCURRENT"], v1: ["AWSPREVIOUS", "BLUE"]})
        self.assertError("InvalidParameterException", self.sm.update_secret_version_stage, SecretId="st",
                         VersionStage="AWSCURRENT", RemoveFromVersionId=v2)
        self.assertEqual(self.sm.get_secret_value(SecretId="st", VersionStage="BLUE")["SecretString"], "one")

    def test_update_secret_metadata(self):
        self.sm.create_secret(Name="u", SecretString="a", Description="old")
        kms = self.server.client("kms")
        kms.create_alias(AliasName="alias/mine", TargetKeyId=kms.create_key()["KeyMetadata"]["KeyId"])
        out = self.sm.update_secret(SecretId="u", Description="new", KmsKeyId="alias/mine")
        self.assertNotIn("VersionId", out)
        d = self.sm.describe_secret(SecretId="u")
        self.assertEqual((d["Description"], d["KmsKeyId"]), ("new", "alias/mine"))
        self.assertEqual(len(d["VersionIdsToStages"]), 1)
        self.assertEqual(self.sm.get_secret_value(SecretId="u")["SecretString"], "a")

    def test_version_list_pagination(self):
        self.sm.create_secret(Name="many", SecretString="0")
        for i in range(1, 6):
            self.sm.put_secret_value(SecretId="many", SecretString=str(i), VersionStages=[f"L{i}"])
        seen, token = [], None
        while True:
            kwargs = {"NextToken": token} if token else {}
            page = self.sm.list_secret_version_ids(SecretId="many", MaxResults=2, **kwargs)
            self.assertLessEqual(len(page["Versions"]), 2)
            seen += [v["VersionId"] for v in page["Versions"]]
            token = page.get("NextToken")
            if not token:
                break
        self.assertEqual(len(set(seen)), 6)


class DeletionAndRestore(SecretsManagerTest):
    def test_recovery_window_on_the_clock(self):
        arn = self.sm.create_secret(Name="del", SecretString="x")["ARN"]
        out = self.sm.delete_secret(SecretId="del", RecoveryWindowInDays=7)
        created = self.sm.describe_secret(SecretId=arn)["DeletedDate"]
        self.assertAlmostEqual((out["DeletionDate"] - created).total_seconds(), 7 * DAY, delta=2)
        self.assertError("InvalidRequestException", self.sm.get_secret_value, SecretId="del", message=MARKED)
        self.assertError("InvalidRequestException", self.sm.put_secret_value, SecretId="del", SecretString="y",
                         message=MARKED)
        self.assertError("InvalidRequestException", self.sm.create_secret, Name="del", SecretString="y",
                         message="already scheduled for deletion")
        self.assertNotIn("del", [s["Name"] for s in self.sm.list_secrets()["SecretList"]])
        self.assertIn("del", [s["Name"] for s in self.sm.list_secrets(IncludePlannedDeletion=True)["SecretList"]])
        self.server.advance_clock(6 * DAY)
        self.sm.restore_secret(SecretId="del")
        self.assertEqual(self.sm.get_secret_value(SecretId="del")["SecretString"], "x")
        self.assertNotIn("DeletedDate", self.sm.describe_secret(SecretId="del"))
        self.sm.delete_secret(SecretId="del")  # default window: 30 days
        self.server.advance_clock(29 * DAY)
        self.assertIn("DeletedDate", self.sm.describe_secret(SecretId="del"))
        self.server.advance_clock(DAY + 60)
        self.assertError("ResourceNotFoundException", self.sm.describe_secret, SecretId="del")
        self.sm.create_secret(Name="del", SecretString="reborn")
        self.assertEqual(self.sm.get_secret_value(SecretId="del")["SecretString"], "reborn")

    def test_force_delete_and_parameter_errors(self):
        self.sm.create_secret(Name="f", SecretString="x")
        self.assertError("InvalidParameterException", self.sm.delete_secret, SecretId="f",
                         RecoveryWindowInDays=7, ForceDeleteWithoutRecovery=True,
                         message="ForceDeleteWithoutRecovery")
        self.assertError("InvalidParameterException", self.sm.delete_secret, SecretId="f", RecoveryWindowInDays=31)
        self.assertError("InvalidParameterException", self.sm.delete_secret, SecretId="f", RecoveryWindowInDays=6)
        self.sm.delete_secret(SecretId="f", RecoveryWindowInDays=10)
        self.assertError("InvalidRequestException", self.sm.delete_secret, SecretId="f", message=MARKED)
        self.sm.delete_secret(SecretId="f", ForceDeleteWithoutRecovery=True)
        self.assertError("ResourceNotFoundException", self.sm.describe_secret, SecretId="f")
        self.assertError("ResourceNotFoundException", self.sm.restore_secret, SecretId="f")
        # Forcing the delete of a secret that does not exist is not an error.
        self.sm.delete_secret(SecretId="never-was", ForceDeleteWithoutRecovery=True)
        self.sm.create_secret(Name="f", SecretString="again")


class Listing(SecretsManagerTest):
    def setUp(self):
        super().setUp()
        for i in range(7):
            self.sm.create_secret(Name=f"svc/{'api' if i < 4 else 'web'}/{i}", SecretString=str(i),
                                  Description="Payment key" if i % 2 else "login token",
                                  Tags=[{"Key": "team", "Value": "blue" if i < 3 else "red"}])

    def names(self, **kwargs):
        return [s["Name"] for s in self.sm.list_secrets(**kwargs)["SecretList"]]

    def test_filters(self):
        self.assertEqual(len(self.names(Filters=[{"Key": "name", "Values": ["svc/api"]}])), 4)
        self.assertEqual(len(self.names(Filters=[{"Key": "name", "Values": ["svc/api", "svc/web/6"]}])), 5)
        self.assertEqual(self.names(Filters=[{"Key": "name", "Values": ["SVC"]}]), [])  # case-sensitive
        self.assertEqual(len(self.names(Filters=[{"Key": "description", "Values": ["payment"]}])), 3)
        self.assertEqual(len(self.names(Filters=[{"Key": "tag-key", "Values": ["team"]}])), 7)
        self.assertEqual(self.names(Filters=[{"Key": "tag-value", "Values": ["blue"]},
                                             {"Key": "description", "Values": ["pay"]}]), ["svc/api/1"])
        self.assertEqual(len(self.names(Filters=[{"Key": "tag-value", "Values": ["!blue"]}])), 4)
        self.assertEqual(len(self.names(Filters=[{"Key": "primary-region", "Values": ["us-east-1"]}])), 7)
        self.assertEqual(len(self.names(Filters=[{"Key": "all", "Values": ["RED"]}])), 4)
        self.assertEqual(self.names(Filters=[{"Key": "owning-service", "Values": ["rds"]}]), [])
        entry = self.sm.list_secrets(Filters=[{"Key": "name", "Values": ["svc/web/6"]}])["SecretList"][0]
        self.assertEqual(list(entry["SecretVersionsToStages"].values()), [["AWSCURRENT"]])
        self.assertEqual(entry["Tags"], [{"Key": "team", "Value": "red"}])

    def test_sort_and_paginate(self):
        asc = self.names(SortBy="name", SortOrder="asc")
        self.assertEqual(asc, sorted(asc))
        self.assertEqual(self.names(SortBy="name", SortOrder="desc"), list(reversed(asc)))
        pages = list(self.sm.get_paginator("list_secrets").paginate(PaginationConfig={"PageSize": 3}))
        self.assertEqual([len(p["SecretList"]) for p in pages], [3, 3, 1])
        self.assertEqual(len({s["Name"] for p in pages for s in p["SecretList"]}), 7)
        self.assertError("InvalidNextTokenException", self.sm.list_secrets, NextToken="garbage")

    def test_batch_get_secret_value(self):
        out = self.sm.batch_get_secret_value(SecretIdList=["svc/api/0", "svc/web/5", "missing"])
        self.assertEqual({v["Name"]: v["SecretString"] for v in out["SecretValues"]},
                         {"svc/api/0": "0", "svc/web/5": "5"})
        self.assertEqual(out["Errors"][0]["SecretId"], "missing")
        self.assertEqual(out["Errors"][0]["ErrorCode"], "ResourceNotFoundException")
        page = self.sm.batch_get_secret_value(Filters=[{"Key": "name", "Values": ["svc/"]}], MaxResults=5)
        self.assertEqual(len(page["SecretValues"]), 5)
        rest = self.sm.batch_get_secret_value(Filters=[{"Key": "name", "Values": ["svc/"]}], MaxResults=5,
                                              NextToken=page["NextToken"])
        self.assertEqual(len(rest["SecretValues"]), 2)
        self.assertError("InvalidParameterException", self.sm.batch_get_secret_value, SecretIdList=["a"],
                         Filters=[{"Key": "name", "Values": ["a"]}])
        self.assertError("InvalidParameterException", self.sm.batch_get_secret_value)


class TagsAndPolicies(SecretsManagerTest):
    def test_tag_untag(self):
        self.sm.create_secret(Name="t", SecretString="x", Tags=[{"Key": "a", "Value": "1"}])
        self.sm.tag_resource(SecretId="t", Tags=[{"Key": "a", "Value": "2"}, {"Key": "b", "Value": "3"}])
        self.assertEqual(self.sm.describe_secret(SecretId="t")["Tags"],
                         [{"Key": "a", "Value": "2"}, {"Key": "b", "Value": "3"}])
        self.sm.untag_resource(SecretId="t", TagKeys=["a"])
        self.assertEqual(self.sm.describe_secret(SecretId="t")["Tags"], [{"Key": "b", "Value": "3"}])
        self.assertError("InvalidParameterException", self.sm.tag_resource, SecretId="t",
                         Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
        self.assertError("InvalidParameterException", self.sm.tag_resource, SecretId="t",
                         Tags=[{"Key": "aws:x", "Value": "v"}])

    def test_resource_policy(self):
        arn = self.sm.create_secret(Name="p", SecretString="x")["ARN"]
        self.assertNotIn("ResourcePolicy", self.sm.get_resource_policy(SecretId="p"))
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]})
        self.sm.put_resource_policy(SecretId="p", ResourcePolicy=policy, BlockPublicPolicy=True)
        got = self.sm.get_resource_policy(SecretId=arn)
        self.assertEqual(json.loads(got["ResourcePolicy"]), json.loads(policy))
        public = json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "secretsmanager:*", "Resource": "*"}]})
        self.assertError("PublicPolicyException", self.sm.put_resource_policy, SecretId="p", ResourcePolicy=public,
                         BlockPublicPolicy=True)
        self.assertError("MalformedPolicyDocumentException", self.sm.put_resource_policy, SecretId="p",
                         ResourcePolicy="{not json")
        self.assertError("MalformedPolicyDocumentException", self.sm.put_resource_policy, SecretId="p",
                         ResourcePolicy=json.dumps({"Statement": [{"Effect": "Maybe", "Action": "*"}]}))
        self.assertTrue(self.sm.validate_resource_policy(SecretId="p", ResourcePolicy=policy)["PolicyValidationPassed"])
        verdict = self.sm.validate_resource_policy(ResourcePolicy=public)
        self.assertFalse(verdict["PolicyValidationPassed"])
        self.assertTrue(verdict["ValidationErrors"])
        self.assertError("MalformedPolicyDocumentException", self.sm.validate_resource_policy, ResourcePolicy="[")
        self.sm.delete_resource_policy(SecretId="p")
        self.assertNotIn("ResourcePolicy", self.sm.get_resource_policy(SecretId="p"))


class RandomPassword(SecretsManagerTest):
    def test_options(self):
        p = self.sm.get_random_password()["RandomPassword"]
        self.assertEqual(len(p), 32)
        for chars in (string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation):
            self.assertTrue(set(p) & set(chars), p)
        p = self.sm.get_random_password(PasswordLength=100, ExcludePunctuation=True, ExcludeCharacters="abcXYZ",
                                        IncludeSpace=False)["RandomPassword"]
        self.assertEqual(len(p), 100)
        self.assertFalse(set(p) & set(string.punctuation + "abcXYZ"))
        p = self.sm.get_random_password(PasswordLength=4096, IncludeSpace=True)["RandomPassword"]
        self.assertIn(" ", p)
        p = self.sm.get_random_password(PasswordLength=20, ExcludeLowercase=True, ExcludeUppercase=True,
                                        ExcludePunctuation=True)["RandomPassword"]
        self.assertTrue(p.isdigit())
        self.assertNotEqual(self.sm.get_random_password()["RandomPassword"],
                            self.sm.get_random_password()["RandomPassword"])

    def test_errors(self):
        self.assertError("InvalidParameterException", self.sm.get_random_password, ExcludeLowercase=True,
                         ExcludeUppercase=True, ExcludePunctuation=True, ExcludeNumbers=True)
        self.assertError("InvalidParameterException", self.sm.get_random_password, PasswordLength=3)
        with self.assertRaises(ClientError):
            self.sm.get_random_password(PasswordLength=4097)


class Rotation(SecretsManagerTest):
    def test_lambda_rotation_fails_as_on_aws(self):
        self.sm.create_secret(Name="rot", SecretString="v1")
        self.assertError("InvalidRequestException", self.sm.rotate_secret, SecretId="rot",
                         message="No Lambda rotation function ARN")
        out = self.sm.rotate_secret(SecretId="rot", RotationLambdaARN=LAMBDA,
                                    RotationRules={"AutomaticallyAfterDays": 30})
        d = self.sm.describe_secret(SecretId="rot")
        self.assertTrue(d["RotationEnabled"])
        self.assertEqual(d["RotationLambdaARN"], LAMBDA)
        self.assertEqual(d["RotationRules"]["AutomaticallyAfterDays"], 30)
        self.assertEqual(d["VersionIdsToStages"][out["VersionId"]], ["AWSPENDING"])
        self.assertNotIn("LastRotatedDate", d)
        self.assertIn("NextRotationDate", d)
        self.assertEqual(self.sm.get_secret_value(SecretId="rot")["SecretString"], "v1")
        self.assertError("InvalidRequestException", self.sm.rotate_secret, SecretId="rot",
                         message="A previous rotation isn't complete")
        cancelled = self.sm.cancel_rotate_secret(SecretId="rot")
        self.assertEqual(cancelled["VersionId"], out["VersionId"])
        d = self.sm.describe_secret(SecretId="rot")
        self.assertFalse(d["RotationEnabled"])
        self.assertNotIn("NextRotationDate", d)

    def test_schedule_fires_on_the_clock(self):
        self.sm.create_secret(Name="sched", SecretString="v1")
        self.sm.rotate_secret(SecretId="sched", RotationLambdaARN=LAMBDA, RotateImmediately=False,
                              RotationRules={"ScheduleExpression": "rate(2 days)", "Duration": "2h"})
        d = self.sm.describe_secret(SecretId="sched")
        self.assertEqual(len(d["VersionIdsToStages"]), 1)
        nxt = d["NextRotationDate"]
        self.assertEqual((nxt.hour, nxt.minute, nxt.second), (1, 59, 59))
        self.server.advance_clock(3 * DAY)
        d = self.sm.describe_secret(SecretId="sched")
        self.assertIn(["AWSPENDING"], d["VersionIdsToStages"].values())

    def test_rotation_rule_errors(self):
        self.sm.create_secret(Name="rr", SecretString="v1")
        self.assertError("InvalidParameterException", self.sm.rotate_secret, SecretId="rr",
                         RotationLambdaARN=LAMBDA,
                         RotationRules={"AutomaticallyAfterDays": 2, "ScheduleExpression": "rate(2 days)"})
        self.assertError("InvalidParameterException", self.sm.rotate_secret, SecretId="rr",
                         RotationLambdaARN=LAMBDA, RotationRules={"ScheduleExpression": "cron(bad)"})
        self.sm.rotate_secret(SecretId="rr", RotationLambdaARN=LAMBDA, RotateImmediately=False,
                              RotationRules={"ScheduleExpression": "cron(0 4 ? * MON *)"})
        nxt = self.sm.describe_secret(SecretId="rr")["NextRotationDate"]
        self.assertEqual(nxt.weekday(), 0)  # Monday, the window closing at the end of the day
        self.assertEqual((nxt.hour, nxt.minute), (23, 59))


class Replication(SecretsManagerTest):
    def test_replicate_promote_remove(self):
        eu = self.server.client("secretsmanager", region="eu-west-1")
        created = self.sm.create_secret(Name="global", SecretString="v1",
                                        AddReplicaRegions=[{"Region": "eu-west-1"}])
        self.assertEqual(created["ReplicationStatus"][0]["Region"], "eu-west-1")
        self.assertEqual(created["ReplicationStatus"][0]["Status"], "InSync")
        replica_arn = created["ARN"].replace(":us-east-1:", ":eu-west-1:")
        got = eu.get_secret_value(SecretId="global")
        self.assertEqual((got["ARN"], got["SecretString"]), (replica_arn, "v1"))
        self.sm.put_secret_value(SecretId="global", SecretString="v2")
        self.sm.tag_resource(SecretId="global", Tags=[{"Key": "k", "Value": "v"}])
        self.assertEqual(eu.get_secret_value(SecretId=replica_arn)["SecretString"], "v2")
        d = eu.describe_secret(SecretId="global")
        self.assertEqual(d["PrimaryRegion"], "us-east-1")
        self.assertEqual(d["Tags"], [{"Key": "k", "Value": "v"}])
        self.assertError("InvalidRequestException", eu.put_secret_value, SecretId="global", SecretString="x")
        self.assertError("InvalidRequestException", eu.update_secret, SecretId="global", Description="x")
        self.assertError("InvalidRequestException", self.sm.delete_secret, SecretId="global")

        west = self.server.client("secretsmanager", region="us-west-2")
        west.create_secret(Name="global", SecretString="local")
        out = self.sm.replicate_secret_to_regions(SecretId="global", AddReplicaRegions=[{"Region": "us-west-2"}])
        status = {r["Region"]: r for r in out["ReplicationStatus"]}
        self.assertEqual(status["us-west-2"]["Status"], "Failed")
        self.assertEqual(west.get_secret_value(SecretId="global")["SecretString"], "local")
        self.sm.remove_regions_from_replication(SecretId="global", RemoveReplicaRegions=["us-west-2"])
        self.assertError("InvalidParameterException", self.sm.replicate_secret_to_regions, SecretId="global",
                         AddReplicaRegions=[{"Region": "us-east-1"}])

        promoted = eu.stop_replication_to_replica(SecretId="global")
        self.assertEqual(promoted["ARN"], replica_arn)
        self.assertNotIn("ReplicationStatus", self.sm.describe_secret(SecretId="global"))
        eu.put_secret_value(SecretId="global", SecretString="eu-only")
        self.assertEqual(self.sm.get_secret_value(SecretId="global")["SecretString"], "v2")
        self.assertEqual(eu.describe_secret(SecretId="global")["PrimaryRegion"], "eu-west-1")

        self.sm.replicate_secret_to_regions(SecretId="global", AddReplicaRegions=[{"Region": "ap-south-1"}])
        ap = self.server.client("secretsmanager", region="ap-south-1")
        self.assertEqual(ap.get_secret_value(SecretId="global")["SecretString"], "v2")
        out = self.sm.remove_regions_from_replication(SecretId="global", RemoveReplicaRegions=["ap-south-1"])
        self.assertEqual(out["ReplicationStatus"], [])
        self.assertError("ResourceNotFoundException", ap.describe_secret, SecretId="global")
        self.sm.delete_secret(SecretId="global", ForceDeleteWithoutRecovery=True)


class KmsEncryption(SecretsManagerTest):
    """Values are encrypted under the secret's KMS key and decrypted with it on every read."""

    def setUp(self):
        super().setUp()
        self.kms = self.server.client("kms")

    def new_key(self, alias=None):
        key = self.kms.create_key(Description="secrets key")["KeyMetadata"]
        if alias:
            self.kms.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
        return key

    def test_customer_key_disable_and_enable(self):
        key = self.new_key()
        arn = self.sm.create_secret(Name="kms/app", SecretString="s3cret", KmsKeyId=key["Arn"])["ARN"]
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/app")["SecretString"], "s3cret")
        self.assertEqual(self.sm.describe_secret(SecretId="kms/app")["KmsKeyId"], key["Arn"])
        listed = self.sm.list_secrets(Filters=[{"Key": "name", "Values": ["kms/app"]}])["SecretList"]
        self.assertEqual(listed[0]["KmsKeyId"], key["Arn"])

        self.kms.disable_key(KeyId=key["KeyId"])
        err = self.assertError("DecryptionFailure", self.sm.get_secret_value, SecretId="kms/app")
        self.assertIn(key["Arn"], err["Message"])
        batch = self.sm.batch_get_secret_value(SecretIdList=[arn])
        self.assertEqual(batch["SecretValues"], [])
        self.assertEqual(batch["Errors"][0]["ErrorCode"], "DecryptionFailure")
        # Writing needs the key too.
        self.assertError("EncryptionFailure", self.sm.put_secret_value, SecretId="kms/app", SecretString="v2")
        # Metadata does not.
        self.assertEqual(self.sm.describe_secret(SecretId="kms/app")["Name"], "kms/app")

        self.kms.enable_key(KeyId=key["KeyId"])
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/app")["SecretString"], "s3cret")

    def test_key_named_by_alias_and_binary_value(self):
        self.new_key(alias="alias/secrets")
        self.sm.create_secret(Name="kms/bin", SecretBinary=b"\x00\x01binary", KmsKeyId="alias/secrets")
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/bin")["SecretBinary"], b"\x00\x01binary")
        self.assertEqual(self.sm.describe_secret(SecretId="kms/bin")["KmsKeyId"], "alias/secrets")

    def test_unusable_keys_are_refused(self):
        missing = "arn:aws:kms:us-east-1:000000000000:key/11111111-2222-3333-4444-555555555555"
        err = self.assertError("InvalidParameterException", self.sm.create_secret, Name="kms/missing",
                               SecretString="v", KmsKeyId=missing)
        self.assertIn("invalid KMS key", err["Message"])
        self.assertError("InvalidParameterException", self.sm.create_secret, Name="kms/missing",
                         SecretString="v", KmsKeyId="alias/no-such-alias")
        self.assertError("ResourceNotFoundException", self.sm.describe_secret, SecretId="kms/missing")

        disabled = self.new_key()
        self.kms.disable_key(KeyId=disabled["KeyId"])
        self.assertError("EncryptionFailure", self.sm.create_secret, Name="kms/disabled", SecretString="v",
                         KmsKeyId=disabled["KeyId"])
        doomed = self.new_key()
        self.kms.schedule_key_deletion(KeyId=doomed["KeyId"], PendingWindowInDays=7)
        self.assertError("EncryptionFailure", self.sm.create_secret, Name="kms/doomed", SecretString="v",
                         KmsKeyId=doomed["KeyId"])
        self.sm.create_secret(Name="kms/ok", SecretString="v")
        self.assertError("InvalidParameterException", self.sm.update_secret, SecretId="kms/ok", KmsKeyId=missing)
        self.assertNotIn("KmsKeyId", self.sm.describe_secret(SecretId="kms/ok"))

    def test_default_key_is_the_aws_managed_one(self):
        self.sm.create_secret(Name="kms/default", SecretString="plain")
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/default")["SecretString"], "plain")
        self.assertNotIn("KmsKeyId", self.sm.describe_secret(SecretId="kms/default"))
        managed = self.kms.describe_key(KeyId="alias/aws/secretsmanager")["KeyMetadata"]
        self.assertEqual(managed["KeyManager"], "AWS")

    def test_update_key_reencrypts_labelled_versions(self):
        old, new = self.new_key(), self.new_key()
        self.sm.create_secret(Name="kms/move", SecretString="v1", KmsKeyId=old["KeyId"])
        self.sm.put_secret_value(SecretId="kms/move", SecretString="v2")
        self.sm.update_secret(SecretId="kms/move", KmsKeyId=new["KeyId"])
        self.assertEqual(self.sm.describe_secret(SecretId="kms/move")["KmsKeyId"], new["KeyId"])
        self.kms.disable_key(KeyId=old["KeyId"])
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/move")["SecretString"], "v2")
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/move", VersionStage="AWSPREVIOUS")["SecretString"],
                         "v1")
        # Back to the AWS managed key.
        self.sm.update_secret(SecretId="kms/move", KmsKeyId="")
        self.assertNotIn("KmsKeyId", self.sm.describe_secret(SecretId="kms/move"))
        self.kms.disable_key(KeyId=new["KeyId"])
        self.assertEqual(self.sm.get_secret_value(SecretId="kms/move")["SecretString"], "v2")


if __name__ == "__main__":
    unittest.main()
