"""STS through boto3 and the AWS CLI: who am I, assumed roles, web identity and SAML
federation, session and federation tokens, and AWS's errors for each; and, with strict
signature checking, the answers a wrongly signed request gets."""
import base64
import datetime
import json
import subprocess
import time
import unittest
import urllib.error
import urllib.request

import boto3
import botocore.config
from botocore import UNSIGNED
from botocore.exceptions import ClientError

from harness import ACCESS_KEY, REGION, SECRET_KEY, Server, ServerTestCase

ROLE = "arn:aws:iam::123456789012:role/deploy/ci-runner"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(claims):
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    return f"{header}.{b64url(json.dumps(claims).encode())}.{b64url(b'not-checked')}"


SAML = """<?xml version="1.0"?>
<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
  <saml:Issuer>https://idp.example.com/saml</saml:Issuer>
  <saml:Assertion>
    <saml:Issuer>https://idp.example.com/saml</saml:Issuer>
    <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">_a1b2</saml:NameID></saml:Subject>
    <saml:Conditions><saml:AudienceRestriction><saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience></saml:AudienceRestriction></saml:Conditions>
    <saml:AttributeStatement>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>{role},arn:aws:iam::123456789012:saml-provider/Corp</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>alice</saml:AttributeValue></saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>""".format(role=ROLE)


class StsTestCase(ServerTestCase):
    def setUp(self):
        super().setUp()
        self.sts = self.server.client("sts")
        # Without botocore's own checks, so that the server's are what is tested.
        self.raw = self.server.client("sts", parameter_validation=False)

    def assertError(self, code, call, *args, status=None, message=None, **kwargs):
        with self.assertRaises(ClientError) as caught:
            call(*args, **kwargs)
        err = caught.exception.response["Error"]
        self.assertEqual(err["Code"], code, err)
        if status is not None:
            self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], status)
        if message is not None:
            self.assertEqual(err["Message"], message)
        return err

    def client_with(self, credentials, service="sts"):
        return boto3.client(
            service, endpoint_url=self.server.endpoint, region_name=REGION,
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
            config=botocore.config.Config(retries={"max_attempts": 1}))


class CallerIdentity(StsTestCase):
    def test_plain_key_is_the_account_root(self):
        me = self.sts.get_caller_identity()
        self.assertEqual(me["Account"], "000000000000")
        self.assertEqual(me["Arn"], "arn:aws:iam::000000000000:root")
        self.assertEqual(me["UserId"], "000000000000")

    def test_twelve_digit_key_is_that_account(self):
        me = self.server.client("sts", access_key="123456789012").get_caller_identity()
        self.assertEqual(me["Account"], "123456789012")
        self.assertEqual(me["Arn"], "arn:aws:iam::123456789012:root")

    def test_access_key_info(self):
        # botocore insists on 16 characters at least; the server answers shorter ones too.
        self.assertEqual(self.raw.get_access_key_info(AccessKeyId="123456789012")["Account"], "123456789012")
        self.assertEqual(self.sts.get_access_key_info(AccessKeyId=ACCESS_KEY)["Account"], "000000000000")
        self.assertError("ValidationError", self.raw.get_access_key_info, AccessKeyId="short", status=400)


class AssumeRole(StsTestCase):
    def test_credentials_identify_as_the_role(self):
        before = datetime.datetime.now(datetime.timezone.utc)
        out = self.sts.assume_role(RoleArn=ROLE, RoleSessionName="build-42")
        creds = out["Credentials"]
        self.assertRegex(creds["AccessKeyId"], r"^ASIA[A-Z2-7]{16}$")
        self.assertEqual(len(creds["SecretAccessKey"]), 40)
        self.assertGreater(len(creds["SessionToken"]), 100)
        self.assertAlmostEqual((creds["Expiration"] - before).total_seconds(), 3600, delta=5)
        user = out["AssumedRoleUser"]
        self.assertEqual(user["Arn"], "arn:aws:sts::123456789012:assumed-role/ci-runner/build-42")
        self.assertRegex(user["AssumedRoleId"], r"^AROA[A-Z0-9]{17}:build-42$")
        self.assertNotIn("PackedPolicySize", out)

        me = self.client_with(creds).get_caller_identity()
        self.assertEqual(me["Arn"], user["Arn"])
        self.assertEqual(me["UserId"], user["AssumedRoleId"])
        self.assertEqual(me["Account"], "123456789012")
        self.assertEqual(self.sts.get_access_key_info(AccessKeyId=creds["AccessKeyId"])["Account"], "123456789012")

    def test_duration_policy_and_tags(self):
        policy = {"Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
        before = datetime.datetime.now(datetime.timezone.utc)
        out = self.sts.assume_role(RoleArn=ROLE, RoleSessionName="s1", DurationSeconds=900,
                                   Policy=json.dumps(policy), ExternalId="partner-7",
                                   Tags=[{"Key": "team", "Value": "payments"}], TransitiveTagKeys=["team"],
                                   SourceIdentity="alice")
        self.assertAlmostEqual((out["Credentials"]["Expiration"] - before).total_seconds(), 900, delta=5)
        self.assertTrue(1 <= out["PackedPolicySize"] <= 100)
        self.assertEqual(out["SourceIdentity"], "alice")

    def test_validation_errors(self):
        err = self.assertError("ValidationError", self.raw.assume_role, RoleArn="arn:aws:iam::123456789012:user/bob",
                               RoleSessionName="s1", status=400)
        self.assertIn("arn:aws:iam::123456789012:user/bob", err["Message"])
        self.assertError("ValidationError", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="bad name",
                         message="1 validation error detected: Value 'bad name' at 'roleSessionName' failed to "
                                 "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")
        self.assertError("ValidationError", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="x")
        self.assertError("ValidationError", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="s1",
                         DurationSeconds=43201,
                         message="1 validation error detected: Value '43201' at 'durationSeconds' failed to "
                                 "satisfy constraint: Member must have value less than or equal to 43200")
        self.assertError("ValidationError", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="s1",
                         DurationSeconds=100)
        self.assertError("ValidationError", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="s1",
                         Tags=[{"Key": "a", "Value": "1"}, {"Key": "A", "Value": "2"}])

    def test_malformed_policy(self):
        self.assertError("MalformedPolicyDocument", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="s1",
                         Policy="{not json", status=400)
        self.assertError("MalformedPolicyDocument", self.raw.assume_role, RoleArn=ROLE, RoleSessionName="s1",
                         Policy='{"Version": "2012-10-17"}')

    def test_role_chaining_is_limited_to_an_hour(self):
        creds = self.sts.assume_role(RoleArn=ROLE, RoleSessionName="first")["Credentials"]
        chained = self.client_with(creds)
        other = "arn:aws:iam::210987654321:role/reader"
        self.assertError("ValidationError", chained.assume_role, RoleArn=other, RoleSessionName="second",
                         DurationSeconds=7200)
        second = chained.assume_role(RoleArn=other, RoleSessionName="second")["Credentials"]
        self.assertEqual(self.client_with(second).get_caller_identity()["Arn"],
                         "arn:aws:sts::210987654321:assumed-role/reader/second")

    def test_credentials_expire_on_the_emulator_clock(self):
        creds = self.sts.assume_role(RoleArn=ROLE, RoleSessionName="short", DurationSeconds=900)["Credentials"]
        self.server.advance_clock(901)
        self.assertError("ExpiredToken", self.client_with(creds).get_caller_identity, status=403,
                         message="The security token included in the request is expired")


class Federation(StsTestCase):
    def test_web_identity(self):
        token = jwt({"iss": "https://oidc.eks.us-east-1.amazonaws.com/id/ABC", "aud": "sts.amazonaws.com",
                     "sub": "system:serviceaccount:default:app", "exp": int(time.time()) + 600})
        # The SDKs send this call unsigned, as AWS allows.
        anonymous = self.server.client("sts", signature_version=UNSIGNED)
        out = anonymous.assume_role_with_web_identity(RoleArn=ROLE, RoleSessionName="pod", WebIdentityToken=token)
        self.assertEqual(out["SubjectFromWebIdentityToken"], "system:serviceaccount:default:app")
        self.assertEqual(out["Audience"], "sts.amazonaws.com")
        self.assertEqual(out["Provider"], "https://oidc.eks.us-east-1.amazonaws.com/id/ABC")
        self.assertEqual(out["AssumedRoleUser"]["Arn"], "arn:aws:sts::123456789012:assumed-role/ci-runner/pod")
        me = self.client_with(out["Credentials"]).get_caller_identity()
        self.assertEqual(me["Arn"], "arn:aws:sts::123456789012:assumed-role/ci-runner/pod")

    def test_web_identity_errors(self):
        self.assertError("InvalidIdentityToken", self.sts.assume_role_with_web_identity, RoleArn=ROLE,
                         RoleSessionName="pod", WebIdentityToken="not-a-jwt-at-all", status=400)
        self.assertError("InvalidIdentityToken", self.sts.assume_role_with_web_identity, RoleArn=ROLE,
                         RoleSessionName="pod", WebIdentityToken=jwt({"iss": "https://idp", "aud": "x"}))
        expired = jwt({"iss": "https://idp", "aud": "x", "sub": "u", "exp": int(time.time()) - 60})
        self.assertError("ExpiredTokenException", self.sts.assume_role_with_web_identity, RoleArn=ROLE,
                         RoleSessionName="pod", WebIdentityToken=expired)

    def test_saml(self):
        out = self.sts.assume_role_with_saml(RoleArn=ROLE, PrincipalArn="arn:aws:iam::123456789012:saml-provider/Corp",
                                             SAMLAssertion=base64.b64encode(SAML.encode()).decode())
        self.assertEqual(out["Subject"], "_a1b2")
        self.assertEqual(out["SubjectType"], "transient")
        self.assertEqual(out["Issuer"], "https://idp.example.com/saml")
        self.assertEqual(out["Audience"], "https://signin.aws.amazon.com/saml")
        self.assertEqual(out["AssumedRoleUser"]["Arn"], "arn:aws:sts::123456789012:assumed-role/ci-runner/alice")
        self.assertTrue(out["NameQualifier"])
        self.assertError("InvalidIdentityToken", self.sts.assume_role_with_saml, RoleArn=ROLE,
                         PrincipalArn="arn:aws:iam::123456789012:saml-provider/Corp",
                         SAMLAssertion=base64.b64encode(b"<html>not saml</html>").decode())

    def test_session_token(self):
        root = self.server.client("sts", access_key="123456789012", parameter_validation=False)
        before = datetime.datetime.now(datetime.timezone.utc)
        creds = root.get_session_token(DurationSeconds=7200)["Credentials"]
        # AWS caps sessions of an account's root user at one hour.
        self.assertAlmostEqual((creds["Expiration"] - before).total_seconds(), 3600, delta=5)
        session = self.client_with(creds)
        self.assertEqual(session.get_caller_identity()["Arn"], "arn:aws:iam::123456789012:root")
        self.assertError("AccessDenied", session.get_session_token, status=403)
        self.assertError("ValidationError", root.get_session_token, DurationSeconds=600)

    def test_federation_token(self):
        root = self.server.client("sts", access_key="123456789012")
        out = root.get_federation_token(Name="bob", Policy=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        self.assertEqual(out["FederatedUser"]["Arn"], "arn:aws:sts::123456789012:federated-user/bob")
        self.assertEqual(out["FederatedUser"]["FederatedUserId"], "123456789012:bob")
        self.assertIn("PackedPolicySize", out)
        me = self.client_with(out["Credentials"]).get_caller_identity()
        self.assertEqual(me["Arn"], "arn:aws:sts::123456789012:federated-user/bob")
        self.assertError("ValidationError", self.raw.get_federation_token, Name="b")

    def test_decode_authorization_message(self):
        message = {"allowed": False, "context": {"action": "ec2:RunInstances"}}
        out = self.sts.decode_authorization_message(
            EncodedMessage=base64.b64encode(json.dumps(message).encode()).decode())
        self.assertEqual(json.loads(out["DecodedMessage"]), message)
        self.assertError("InvalidAuthorizationMessageException", self.sts.decode_authorization_message,
                         EncodedMessage="garbage", status=400)


class Cli(StsTestCase):
    def run_cli(self, env, *args):
        p = subprocess.run(["aws", "--endpoint-url", self.server.endpoint, "--output", "json", *args],
                           capture_output=True, text=True, env=env, timeout=120)
        return p.returncode, p.stdout, p.stderr

    def test_get_caller_identity(self):
        _, me, _ = self.server.cli("sts", "get-caller-identity")
        self.assertEqual(me, {"UserId": "000000000000", "Account": "000000000000",
                              "Arn": "arn:aws:iam::000000000000:root"})
        _, me, _ = self.server.cli("sts", "get-caller-identity", access_key="123456789012")
        self.assertEqual(me["Account"], "123456789012")

    def test_assume_role_and_use_it(self):
        _, out, _ = self.server.cli("sts", "assume-role", "--role-arn", ROLE, "--role-session-name", "cli",
                                    "--duration-seconds", "1800")
        creds = out["Credentials"]
        env = self.server.cli_env()
        env.update(AWS_ACCESS_KEY_ID=creds["AccessKeyId"], AWS_SECRET_ACCESS_KEY=creds["SecretAccessKey"],
                   AWS_SESSION_TOKEN=creds["SessionToken"])
        code, stdout, stderr = self.run_cli(env, "sts", "get-caller-identity")
        self.assertEqual(code, 0, stderr)
        self.assertEqual(json.loads(stdout)["Arn"], "arn:aws:sts::123456789012:assumed-role/ci-runner/cli")

    def test_errors(self):
        code, _, stderr = self.server.cli("sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:user/u",
                                          "--role-session-name", "cli", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("ValidationError", stderr)
        code, _, stderr = self.server.cli("sts", "assume-role", "--role-arn", ROLE, "--role-session-name", "cli",
                                          "--policy", "{oops", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("MalformedPolicyDocument", stderr)

    def test_access_key_info(self):
        _, out, _ = self.server.cli("sts", "get-access-key-info", "--access-key-id", ACCESS_KEY)
        self.assertEqual(out, {"Account": "000000000000"})
        _, out, _ = self.server.cli("sts", "assume-role", "--role-arn", "arn:aws:iam::210987654321:role/r",
                                    "--role-session-name", "cli")
        key = out["Credentials"]["AccessKeyId"]
        _, out, _ = self.server.cli("sts", "get-access-key-info", "--access-key-id", key)
        self.assertEqual(out, {"Account": "210987654321"})


class StrictSignatures(unittest.TestCase):
    """The server started with --verify-signatures checks every SigV4 signature."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server("--verify-signatures", "--credentials", f"{ACCESS_KEY}:{SECRET_KEY}")
        try:
            cls.server.start()
        except RuntimeError as e:
            cls.server.cleanup()
            raise unittest.SkipTest(f"this server has no strict signature mode: {e}")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def client(self, access_key=ACCESS_KEY, secret=SECRET_KEY, **config):
        return boto3.client("sts", endpoint_url=self.server.endpoint, region_name=REGION,
                            aws_access_key_id=access_key, aws_secret_access_key=secret,
                            config=botocore.config.Config(retries={"max_attempts": 1}, **config))

    def error_of(self, call):
        with self.assertRaises(ClientError) as caught:
            call()
        return caught.exception.response["Error"], caught.exception.response["ResponseMetadata"]["HTTPStatusCode"]

    def test_right_secret_is_accepted(self):
        self.assertEqual(self.client().get_caller_identity()["Account"], "000000000000")

    def test_wrong_secret(self):
        err, status = self.error_of(self.client(secret="not-the-secret").get_caller_identity)
        self.assertEqual(err["Code"], "SignatureDoesNotMatch")
        self.assertEqual(status, 403)
        self.assertTrue(err["Message"].startswith(
            "The request signature we calculated does not match the signature you provided."), err)

    def test_unknown_key(self):
        err, status = self.error_of(self.client(access_key="AKIAUNKNOWNKEY000000").get_caller_identity)
        self.assertEqual(err["Code"], "InvalidClientTokenId")
        self.assertEqual(err["Message"], "The security token included in the request is invalid.")
        self.assertEqual(status, 403)

    def test_unsigned_request(self):
        err, status = self.error_of(self.client(signature_version=UNSIGNED).get_caller_identity)
        self.assertEqual(err["Code"], "MissingAuthenticationToken")
        self.assertEqual(status, 403)

    def test_presigned_url(self):
        # botocore signs the serialized POST unless told otherwise; AWS, like us, then
        # rejects the GET a browser makes, so the method is named here.
        url = self.client().generate_presigned_url("get_caller_identity", ExpiresIn=60, HttpMethod="GET")
        with urllib.request.urlopen(url, timeout=10) as r:
            self.assertEqual(r.status, 200)
            self.assertIn(b"<Account>000000000000</Account>", r.read())
        wrong = self.client(secret="not-the-secret").generate_presigned_url("get_caller_identity", ExpiresIn=60,
                                                                           HttpMethod="GET")
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(wrong, timeout=10)
        self.assertEqual(caught.exception.code, 403)
        self.assertIn(b"SignatureDoesNotMatch", caught.exception.read())

    def test_cli_with_wrong_secret(self):
        env = self.server.cli_env()
        env["AWS_SECRET_ACCESS_KEY"] = "not-the-secret"
        p = subprocess.run(["aws", "--endpoint-url", self.server.endpoint, "sts", "get-caller-identity"],
                           capture_output=True, text=True, env=env, timeout=120)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("SignatureDoesNotMatch", p.stderr)


if __name__ == "__main__":
    unittest.main()
