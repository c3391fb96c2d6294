"""IAM through boto3 and the AWS CLI: roles, managed and inline policies, the AWS-managed
catalogue, instance profiles, OpenID Connect providers, service-linked roles, users,
groups and access keys, and the errors IAM answers for each."""
import datetime
import json
import os
import tempfile
import urllib.parse

from botocore.exceptions import ClientError

from harness import ServerTestCase, TMP_ROOT

TRUST_EC2 = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
TRUST_EKS = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
READ_LOGS = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["logs:GetLogEvents", "logs:DescribeLogStreams"], "Resource": "*"}]}
AWS_POLICY = "arn:aws:iam::aws:policy/"


class IamTestCase(ServerTestCase):
    def setUp(self):
        super().setUp()
        self.iam = self.server.client("iam")
        # botocore checks ranges and lengths itself; this one lets bad input reach the server.
        self.unchecked = self.server.client("iam", parameter_validation=False)

    def assertError(self, code, call, *args, message=None, status=None, **kwargs):
        with self.assertRaises(ClientError) as caught:
            call(*args, **kwargs)
        err = caught.exception.response["Error"]
        self.assertEqual(err["Code"], code, err)
        if message is not None:
            self.assertEqual(err["Message"], message)
        if status is not None:
            self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], status)
        return err

    def make_role(self, name, trust=TRUST_EC2, client=None, **kwargs):
        client = client or self.iam
        return client.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust), **kwargs)["Role"]

    def raw_body(self, operation, call, **kwargs):
        """The XML IAM answered, before botocore decodes its policy documents."""
        captured = {}

        def keep(response_dict, **_):
            captured["body"] = response_dict["body"].decode()

        event = f"before-parse.iam.{operation}"
        self.iam.meta.events.register(event, keep)
        try:
            call(**kwargs)
        finally:
            self.iam.meta.events.unregister(event, keep)
        return captured["body"]


class Roles(IamTestCase):
    def test_create_and_get_role(self):
        created = self.make_role("app", Path="/svc/", Description="the app", MaxSessionDuration=7200,
                                 Tags=[{"Key": "team", "Value": "platform"}])
        self.assertTrue(created["RoleId"].startswith("AROA"))
        self.assertEqual(len(created["RoleId"]), 21)
        self.assertTrue(created["RoleId"].isupper() and created["RoleId"].isalnum())
        self.assertEqual(created["Arn"], "arn:aws:iam::000000000000:role/svc/app")
        self.assertIsInstance(created["CreateDate"], datetime.datetime)

        role = self.iam.get_role(RoleName="app")["Role"]
        self.assertEqual(role["RoleId"], created["RoleId"])
        self.assertEqual(role["Path"], "/svc/")
        self.assertEqual(role["Description"], "the app")
        self.assertEqual(role["MaxSessionDuration"], 7200)
        self.assertEqual(role["AssumeRolePolicyDocument"], TRUST_EC2)
        self.assertEqual(role["Tags"], [{"Key": "team", "Value": "platform"}])
        self.assertIn("RoleLastUsed", role)

    def test_policy_documents_travel_url_encoded_as_written(self):
        written = json.dumps(TRUST_EC2, indent=2)
        self.iam.create_role(RoleName="encoded", AssumeRolePolicyDocument=written)
        body = self.raw_body("GetRole", self.iam.get_role, RoleName="encoded")
        start = body.index("<AssumeRolePolicyDocument>") + len("<AssumeRolePolicyDocument>")
        encoded = body[start:body.index("</AssumeRolePolicyDocument>")]
        self.assertTrue(encoded.startswith("%7B%0A%20%20%22Version%22"), encoded[:40])
        self.assertNotIn("+", encoded)
        self.assertEqual(urllib.parse.unquote(encoded), written)

    def test_role_names_are_unique_regardless_of_case(self):
        self.make_role("Builder")
        self.assertError("EntityAlreadyExists", self.make_role, "builder",
                         message="Role with name builder already exists.", status=409)
        self.assertEqual(self.iam.get_role(RoleName="BUILDER")["Role"]["RoleName"], "Builder")

    def test_missing_role(self):
        self.assertError("NoSuchEntity", self.iam.get_role, RoleName="nope",
                         message="The role with name nope cannot be found.", status=404)
        self.assertError("NoSuchEntity", self.iam.delete_role, RoleName="nope")

    def test_invalid_input(self):
        err = self.assertError("ValidationError", self.make_role, "short", MaxSessionDuration=100,
                               client=self.unchecked)
        self.assertIn("maxSessionDuration", err["Message"])
        self.assertIn("greater than or equal to 3600", err["Message"])
        self.assertError("ValidationError", self.make_role, "long", MaxSessionDuration=43201, client=self.unchecked)
        err = self.assertError("ValidationError", self.make_role, "bad name!")
        self.assertIn("roleName", err["Message"])
        self.assertError("ValidationError", self.make_role, "x" * 65, client=self.unchecked)
        self.assertError("ValidationError", self.make_role, "pathless", Path="no-slashes", client=self.unchecked)
        self.assertError("MalformedPolicyDocument", self.iam.create_role, RoleName="broken",
                         AssumeRolePolicyDocument="{not json", message="Syntax errors in policy.")
        self.assertError("MalformedPolicyDocument", self.make_role, "resourceful",
                         trust={"Version": "2012-10-17", "Statement": [
                             {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                              "Action": "sts:AssumeRole", "Resource": "*"}]})
        self.assertEqual(self.iam.list_roles()["Roles"], [])

    def test_list_roles_pages_with_marker(self):
        for i in range(5):
            self.make_role(f"paged-{i}", Path="/paged/")
        self.make_role("elsewhere")
        first = self.iam.list_roles(PathPrefix="/paged/", MaxItems=2)
        self.assertTrue(first["IsTruncated"])
        self.assertEqual([r["RoleName"] for r in first["Roles"]], ["paged-0", "paged-1"])
        names = [r["RoleName"] for r in first["Roles"]]
        marker = first["Marker"]
        while marker:
            page = self.iam.list_roles(PathPrefix="/paged/", MaxItems=2, Marker=marker)
            names += [r["RoleName"] for r in page["Roles"]]
            marker = page.get("Marker") if page["IsTruncated"] else None
        self.assertEqual(names, [f"paged-{i}" for i in range(5)])
        everything = self.iam.get_paginator("list_roles").paginate().build_full_result()["Roles"]
        everything = [r["RoleName"] for r in everything]
        self.assertEqual(sorted(everything), sorted(names + ["elsewhere"]))
        self.assertError("ValidationError", self.unchecked.list_roles, MaxItems=0)

    def test_updates(self):
        self.make_role("changing")
        self.iam.update_role(RoleName="changing", Description="now described", MaxSessionDuration=43200)
        role = self.iam.get_role(RoleName="changing")["Role"]
        self.assertEqual((role["Description"], role["MaxSessionDuration"]), ("now described", 43200))
        updated = self.iam.update_role_description(RoleName="changing", Description="again")["Role"]
        self.assertEqual(updated["Description"], "again")
        self.iam.update_assume_role_policy(RoleName="changing", PolicyDocument=json.dumps(TRUST_EKS))
        self.assertEqual(self.iam.get_role(RoleName="changing")["Role"]["AssumeRolePolicyDocument"], TRUST_EKS)
        self.assertError("MalformedPolicyDocument", self.iam.update_assume_role_policy, RoleName="changing",
                         PolicyDocument="[]")
        self.assertError("ValidationError", self.unchecked.update_role, RoleName="changing", MaxSessionDuration=10)

    def test_tags(self):
        self.make_role("tagged", Tags=[{"Key": "a", "Value": "1"}])
        self.iam.tag_role(RoleName="tagged", Tags=[{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "one"}])
        tags = self.iam.list_role_tags(RoleName="tagged")["Tags"]
        self.assertEqual(sorted((t["Key"], t["Value"]) for t in tags), [("a", "one"), ("b", "2")])
        self.iam.untag_role(RoleName="tagged", TagKeys=["a"])
        self.assertEqual(self.iam.get_role(RoleName="tagged")["Role"]["Tags"], [{"Key": "b", "Value": "2"}])
        self.assertError("NoSuchEntity", self.iam.tag_role, RoleName="ghost", Tags=[{"Key": "k", "Value": "v"}])

    def test_delete_role_conflicts_until_everything_is_detached(self):
        self.make_role("busy")
        self.iam.attach_role_policy(RoleName="busy", PolicyArn=AWS_POLICY + "ReadOnlyAccess")
        self.iam.put_role_policy(RoleName="busy", PolicyName="logs", PolicyDocument=json.dumps(READ_LOGS))
        self.iam.create_instance_profile(InstanceProfileName="busy-profile")
        self.iam.add_role_to_instance_profile(InstanceProfileName="busy-profile", RoleName="busy")

        self.assertError("DeleteConflict", self.iam.delete_role, RoleName="busy", status=409,
                         message="Cannot delete entity, must remove roles from instance profile first.")
        self.iam.remove_role_from_instance_profile(InstanceProfileName="busy-profile", RoleName="busy")
        self.assertError("DeleteConflict", self.iam.delete_role, RoleName="busy",
                         message="Cannot delete entity, must detach all policies first.")
        self.iam.detach_role_policy(RoleName="busy", PolicyArn=AWS_POLICY + "ReadOnlyAccess")
        self.assertError("DeleteConflict", self.iam.delete_role, RoleName="busy",
                         message="Cannot delete entity, must delete policies first.")
        self.iam.delete_role_policy(RoleName="busy", PolicyName="logs")
        self.iam.delete_role(RoleName="busy")
        self.assertError("NoSuchEntity", self.iam.get_role, RoleName="busy")


class AwsManagedPolicies(IamTestCase):
    REQUIRED = {
        "AmazonEKSClusterPolicy": "/", "AmazonEKSServicePolicy": "/", "AmazonEKSWorkerNodePolicy": "/",
        "AmazonEKS_CNI_Policy": "/", "AmazonEC2ContainerRegistryReadOnly": "/",
        "AmazonEBSCSIDriverPolicy": "/service-role/", "AWSBackupServiceRolePolicyForBackup": "/service-role/",
        "AWSBackupServiceRolePolicyForRestores": "/service-role/",
        "AmazonRDSEnhancedMonitoringRole": "/service-role/", "AmazonSSMManagedInstanceCore": "/",
        "AmazonECSTaskExecutionRolePolicy": "/service-role/", "AdministratorAccess": "/", "ReadOnlyAccess": "/",
        "PowerUserAccess": "/", "CloudWatchAgentServerPolicy": "/", "AmazonS3ReadOnlyAccess": "/",
        "SecretsManagerReadWrite": "/",
    }

    def test_every_required_policy_answers_with_its_document(self):
        for name, path in self.REQUIRED.items():
            arn = AWS_POLICY + path.lstrip("/") + name
            policy = self.iam.get_policy(PolicyArn=arn)["Policy"]
            self.assertEqual((policy["PolicyName"], policy["Path"], policy["Arn"]), (name, path, arn))
            self.assertTrue(policy["PolicyId"].startswith("ANPA") and len(policy["PolicyId"]) == 21)
            self.assertTrue(policy["IsAttachable"])
            version = self.iam.get_policy_version(PolicyArn=arn, VersionId=policy["DefaultVersionId"])
            document = version["PolicyVersion"]["Document"]
            self.assertEqual(document["Version"], "2012-10-17", name)
            self.assertTrue(all(s["Effect"] in ("Allow", "Deny") for s in document["Statement"]), name)
            self.assertTrue(version["PolicyVersion"]["IsDefaultVersion"])

    def test_listed_with_scope_aws_and_the_same_in_every_account(self):
        listed = self.iam.get_paginator("list_policies").paginate(Scope="AWS").build_full_result()["Policies"]
        names = {p["PolicyName"] for p in listed}
        self.assertTrue(set(self.REQUIRED) <= names, set(self.REQUIRED) - names)
        self.assertTrue(all(p["Arn"].startswith(AWS_POLICY) for p in listed))
        other = self.server.client("iam", access_key="111122223333")
        mine = self.iam.get_policy(PolicyArn=AWS_POLICY + "AdministratorAccess")["Policy"]
        theirs = other.get_policy(PolicyArn=AWS_POLICY + "AdministratorAccess")["Policy"]
        self.assertEqual(mine["PolicyId"], theirs["PolicyId"])
        service_role = self.iam.list_policies(Scope="AWS", PathPrefix="/service-role/")["Policies"]
        self.assertIn("AWSBackupServiceRolePolicyForBackup", {p["PolicyName"] for p in service_role})
        self.assertTrue(all(p["Path"] == "/service-role/" for p in service_role))

    def test_attachment_count_follows_attachments_per_account(self):
        arn = AWS_POLICY + "AmazonEKSClusterPolicy"
        self.make_role("cluster", trust=TRUST_EKS)
        self.iam.attach_role_policy(RoleName="cluster", PolicyArn=arn)
        self.iam.attach_role_policy(RoleName="cluster", PolicyArn=arn)  # attaching twice is one attachment
        self.assertEqual(self.iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"], 1)
        attached = self.iam.list_policies(Scope="AWS", OnlyAttached=True)["Policies"]
        self.assertEqual([p["PolicyName"] for p in attached], ["AmazonEKSClusterPolicy"])
        other = self.server.client("iam", access_key="111122223333")
        self.assertEqual(other.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"], 0)
        self.assertEqual(self.iam.list_attached_role_policies(RoleName="cluster")["AttachedPolicies"],
                         [{"PolicyName": "AmazonEKSClusterPolicy", "PolicyArn": arn}])
        self.iam.detach_role_policy(RoleName="cluster", PolicyArn=arn)
        self.assertEqual(self.iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"], 0)

    def test_aws_policies_cannot_be_changed(self):
        arn = AWS_POLICY + "ReadOnlyAccess"
        self.assertError("AccessDenied", self.iam.delete_policy, PolicyArn=arn)
        self.assertError("AccessDenied", self.iam.create_policy_version, PolicyArn=arn,
                         PolicyDocument=json.dumps(READ_LOGS))
        self.assertError("NoSuchEntity", self.iam.get_policy, PolicyArn=AWS_POLICY + "NoSuchPolicy")


class CustomerPolicies(IamTestCase):
    def create(self, name="reader", **kwargs):
        return self.iam.create_policy(PolicyName=name, PolicyDocument=json.dumps(READ_LOGS), **kwargs)["Policy"]

    def test_create_get_and_document(self):
        created = self.create(Path="/team/", Description="read logs", Tags=[{"Key": "k", "Value": "v"}])
        self.assertEqual(created["Arn"], "arn:aws:iam::000000000000:policy/team/reader")
        self.assertEqual((created["DefaultVersionId"], created["AttachmentCount"]), ("v1", 0))
        policy = self.iam.get_policy(PolicyArn=created["Arn"])["Policy"]
        self.assertEqual(policy["Description"], "read logs")
        self.assertEqual(policy["Tags"], [{"Key": "k", "Value": "v"}])
        version = self.iam.get_policy_version(PolicyArn=created["Arn"], VersionId="v1")["PolicyVersion"]
        self.assertEqual(version["Document"], READ_LOGS)
        local = self.iam.list_policies(Scope="Local")["Policies"]
        self.assertEqual([p["PolicyName"] for p in local], ["reader"])
        self.assertError("EntityAlreadyExists", self.create, status=409,
                         message="A policy called reader already exists. Duplicate names are not allowed.")

    def test_errors(self):
        self.assertError("MalformedPolicyDocument", self.iam.create_policy, PolicyName="bad",
                         PolicyDocument="not json", message="Syntax errors in policy.")
        self.assertError("MalformedPolicyDocument", self.iam.create_policy, PolicyName="principal",
                         PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                             {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}))
        arn = "arn:aws:iam::000000000000:policy/missing"
        self.assertError("NoSuchEntity", self.iam.get_policy, PolicyArn=arn,
                         message=f"Policy {arn} was not found.", status=404)
        self.assertError("InvalidInput", self.unchecked.get_policy, PolicyArn="not-an-arn-at-all",
                         message="ARN not-an-arn-at-all is not valid.")
        self.make_role("r")
        self.assertError("NoSuchEntity", self.iam.attach_role_policy, RoleName="r", PolicyArn=arn,
                         message=f"Policy {arn} does not exist or is not attachable.")
        self.assertError("NoSuchEntity", self.iam.detach_role_policy, RoleName="r",
                         PolicyArn=AWS_POLICY + "ReadOnlyAccess")

    def test_versions_up_to_five(self):
        arn = self.create()["Arn"]
        for i in range(2, 6):
            v = self.iam.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(READ_LOGS),
                                               SetAsDefault=(i == 3))["PolicyVersion"]
            self.assertEqual(v["VersionId"], f"v{i}")
        self.assertError("LimitExceeded", self.iam.create_policy_version, PolicyArn=arn,
                         PolicyDocument=json.dumps(READ_LOGS), status=409)
        self.assertEqual(self.iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"], "v3")
        versions = self.iam.list_policy_versions(PolicyArn=arn)["Versions"]
        self.assertEqual(len(versions), 5)
        self.assertEqual([v["VersionId"] for v in versions if v["IsDefaultVersion"]], ["v3"])
        self.assertError("DeleteConflict", self.iam.delete_policy_version, PolicyArn=arn, VersionId="v3",
                         message="Cannot delete the default version of a policy.")
        self.iam.delete_policy_version(PolicyArn=arn, VersionId="v1")
        self.assertError("NoSuchEntity", self.iam.get_policy_version, PolicyArn=arn, VersionId="v1")
        self.iam.set_default_policy_version(PolicyArn=arn, VersionId="v5")
        self.assertEqual(self.iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"], "v5")
        v6 = self.iam.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(READ_LOGS))["PolicyVersion"]
        self.assertEqual((v6["VersionId"], v6["IsDefaultVersion"]), ("v6", False))
        self.assertError("ValidationError", self.unchecked.get_policy_version, PolicyArn=arn, VersionId="x1")

    def test_delete_policy_conflicts_while_attached(self):
        arn = self.create()["Arn"]
        self.make_role("user-of-policy")
        self.iam.attach_role_policy(RoleName="user-of-policy", PolicyArn=arn)
        self.assertEqual(self.iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"], 1)
        entities = self.iam.list_entities_for_policy(PolicyArn=arn)
        self.assertEqual([r["RoleName"] for r in entities["PolicyRoles"]], ["user-of-policy"])
        self.assertError("DeleteConflict", self.iam.delete_policy, PolicyArn=arn,
                         message="Cannot delete a policy attached to entities.")
        self.iam.detach_role_policy(RoleName="user-of-policy", PolicyArn=arn)
        self.iam.delete_policy(PolicyArn=arn)
        self.assertError("NoSuchEntity", self.iam.get_policy, PolicyArn=arn)

    def test_policy_tags(self):
        arn = self.create()["Arn"]
        self.iam.tag_policy(PolicyArn=arn, Tags=[{"Key": "env", "Value": "dev"}])
        self.assertEqual(self.iam.list_policy_tags(PolicyArn=arn)["Tags"], [{"Key": "env", "Value": "dev"}])
        self.iam.untag_policy(PolicyArn=arn, TagKeys=["env"])
        self.assertEqual(self.iam.list_policy_tags(PolicyArn=arn)["Tags"], [])


class InlinePolicies(IamTestCase):
    def test_role_inline_policies(self):
        self.make_role("holder")
        self.iam.put_role_policy(RoleName="holder", PolicyName="b-logs", PolicyDocument=json.dumps(READ_LOGS))
        self.iam.put_role_policy(RoleName="holder", PolicyName="a-logs", PolicyDocument=json.dumps(READ_LOGS))
        self.assertEqual(self.iam.list_role_policies(RoleName="holder")["PolicyNames"], ["a-logs", "b-logs"])
        got = self.iam.get_role_policy(RoleName="holder", PolicyName="a-logs")
        self.assertEqual((got["RoleName"], got["PolicyName"], got["PolicyDocument"]), ("holder", "a-logs", READ_LOGS))
        self.iam.delete_role_policy(RoleName="holder", PolicyName="a-logs")
        self.assertEqual(self.iam.list_role_policies(RoleName="holder")["PolicyNames"], ["b-logs"])
        self.assertError("NoSuchEntity", self.iam.get_role_policy, RoleName="holder", PolicyName="a-logs",
                         message="The role policy with name a-logs cannot be found.")
        self.assertError("MalformedPolicyDocument", self.iam.put_role_policy, RoleName="holder", PolicyName="x",
                         PolicyDocument="{")
        self.assertError("NoSuchEntity", self.iam.put_role_policy, RoleName="ghost", PolicyName="x",
                         PolicyDocument=json.dumps(READ_LOGS))


class InstanceProfiles(IamTestCase):
    def test_lifecycle(self):
        self.make_role("node")
        profile = self.iam.create_instance_profile(InstanceProfileName="node-profile", Path="/eks/")["InstanceProfile"]
        self.assertTrue(profile["InstanceProfileId"].startswith("AIPA"))
        self.assertEqual(profile["Arn"], "arn:aws:iam::000000000000:instance-profile/eks/node-profile")
        self.assertEqual(profile["Roles"], [])
        self.iam.add_role_to_instance_profile(InstanceProfileName="node-profile", RoleName="node")
        got = self.iam.get_instance_profile(InstanceProfileName="node-profile")["InstanceProfile"]
        self.assertEqual([r["RoleName"] for r in got["Roles"]], ["node"])
        self.make_role("second")
        self.assertError("LimitExceeded", self.iam.add_role_to_instance_profile, InstanceProfileName="node-profile",
                         RoleName="second")
        for_role = self.iam.list_instance_profiles_for_role(RoleName="node")["InstanceProfiles"]
        self.assertEqual([p["InstanceProfileName"] for p in for_role], ["node-profile"])
        self.assertEqual(len(self.iam.list_instance_profiles()["InstanceProfiles"]), 1)
        self.assertError("DeleteConflict", self.iam.delete_instance_profile, InstanceProfileName="node-profile",
                         message="Cannot delete entity, must remove roles from instance profile first.")
        self.iam.remove_role_from_instance_profile(InstanceProfileName="node-profile", RoleName="node")
        self.iam.delete_instance_profile(InstanceProfileName="node-profile")
        self.assertError("NoSuchEntity", self.iam.get_instance_profile, InstanceProfileName="node-profile",
                         message="Instance Profile node-profile cannot be found.")

    def test_duplicate(self):
        self.iam.create_instance_profile(InstanceProfileName="dup")
        self.assertError("EntityAlreadyExists", self.iam.create_instance_profile, InstanceProfileName="dup",
                         message="Instance Profile dup already exists.")


class OpenIdConnectProviders(IamTestCase):
    URL = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
    THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"

    def test_lifecycle(self):
        arn = self.iam.create_open_id_connect_provider(
            Url=self.URL, ClientIDList=["sts.amazonaws.com"], ThumbprintList=[self.THUMB],
            Tags=[{"Key": "cluster", "Value": "main"}])["OpenIDConnectProviderArn"]
        self.assertEqual(arn, "arn:aws:iam::000000000000:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/"
                              "EXAMPLED539D4633E53DE1B71EXAMPLE")
        got = self.iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
        self.assertEqual(got["Url"], self.URL[len("https://"):])
        self.assertEqual(got["ClientIDList"], ["sts.amazonaws.com"])
        self.assertEqual(got["ThumbprintList"], [self.THUMB])
        self.assertEqual(got["Tags"], [{"Key": "cluster", "Value": "main"}])
        self.assertEqual(self.iam.list_open_id_connect_providers()["OpenIDConnectProviderList"], [{"Arn": arn}])

        self.iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="other")
        self.iam.remove_client_id_from_open_id_connect_provider(OpenIDConnectProviderArn=arn,
                                                                ClientID="sts.amazonaws.com")
        new_thumb = "a" * 40
        self.iam.update_open_id_connect_provider_thumbprint(OpenIDConnectProviderArn=arn, ThumbprintList=[new_thumb])
        got = self.iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
        self.assertEqual((got["ClientIDList"], got["ThumbprintList"]), (["other"], [new_thumb]))
        self.iam.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[{"Key": "x", "Value": "y"}])
        self.iam.untag_open_id_connect_provider(OpenIDConnectProviderArn=arn, TagKeys=["cluster"])
        self.assertEqual(self.iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"],
                         [{"Key": "x", "Value": "y"}])

        self.assertError("EntityAlreadyExists", self.iam.create_open_id_connect_provider, Url=self.URL,
                         ThumbprintList=[self.THUMB])
        self.iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)
        self.assertError("NoSuchEntity", self.iam.get_open_id_connect_provider, OpenIDConnectProviderArn=arn,
                         message=f"OpenIDConnect Provider not found for arn {arn}")

    def test_invalid(self):
        self.assertError("ValidationError", self.unchecked.create_open_id_connect_provider,
                         Url="http://insecure.example", ThumbprintList=[self.THUMB])
        self.assertError("ValidationError", self.unchecked.create_open_id_connect_provider, Url=self.URL,
                         ThumbprintList=["short"])
        self.assertError("LimitExceeded", self.iam.create_open_id_connect_provider, Url=self.URL,
                         ThumbprintList=[c * 40 for c in "abcdef"])


class ServiceLinkedRoles(IamTestCase):
    def test_create_and_delete(self):
        role = self.iam.create_service_linked_role(AWSServiceName="eks.amazonaws.com")["Role"]
        self.assertEqual(role["RoleName"], "AWSServiceRoleForAmazonEKS")
        self.assertEqual(role["Path"], "/aws-service-role/eks.amazonaws.com/")
        self.assertEqual(role["Arn"], "arn:aws:iam::000000000000:role/aws-service-role/eks.amazonaws.com/"
                                      "AWSServiceRoleForAmazonEKS")
        principal = role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]
        self.assertEqual(principal, {"Service": "eks.amazonaws.com"})
        self.assertError("InvalidInput", self.iam.create_service_linked_role, AWSServiceName="eks.amazonaws.com")
        self.assertError("UnmodifiableEntity", self.iam.delete_role, RoleName="AWSServiceRoleForAmazonEKS")

        task = self.iam.delete_service_linked_role(RoleName="AWSServiceRoleForAmazonEKS")["DeletionTaskId"]
        self.assertTrue(task.startswith("task/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS/"))
        status = self.iam.get_service_linked_role_deletion_status(DeletionTaskId=task)
        self.assertEqual(status["Status"], "SUCCEEDED")
        self.assertError("NoSuchEntity", self.iam.get_role, RoleName="AWSServiceRoleForAmazonEKS")

    def test_other_services(self):
        rds = self.iam.create_service_linked_role(AWSServiceName="rds.amazonaws.com")["Role"]
        self.assertEqual(rds["RoleName"], "AWSServiceRoleForRDS")
        custom = self.iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com",
                                                     CustomSuffix="batch")["Role"]
        self.assertEqual(custom["RoleName"], "AWSServiceRoleForAutoScaling_batch")


class UsersGroupsAndKeys(IamTestCase):
    def test_users_groups_and_access_keys(self):
        user = self.iam.create_user(UserName="alice", Path="/people/")["User"]
        self.assertTrue(user["UserId"].startswith("AIDA"))
        self.assertEqual(user["Arn"], "arn:aws:iam::000000000000:user/people/alice")
        self.assertEqual(self.iam.get_user(UserName="alice")["User"]["UserId"], user["UserId"])
        self.assertEqual([u["UserName"] for u in self.iam.list_users()["Users"]], ["alice"])
        self.assertError("EntityAlreadyExists", self.iam.create_user, UserName="alice")
        self.assertError("NoSuchEntity", self.iam.get_user, UserName="bob",
                         message="The user with name bob cannot be found.")

        key = self.iam.create_access_key(UserName="alice")["AccessKey"]
        self.assertTrue(key["AccessKeyId"].startswith("AKIA") and len(key["AccessKeyId"]) == 20)
        self.assertEqual(len(key["SecretAccessKey"]), 40)
        self.iam.create_access_key(UserName="alice")
        self.assertError("LimitExceeded", self.iam.create_access_key, UserName="alice")
        listed = self.iam.list_access_keys(UserName="alice")["AccessKeyMetadata"]
        self.assertEqual(len(listed), 2)
        self.assertNotIn("SecretAccessKey", listed[0])
        self.iam.update_access_key(UserName="alice", AccessKeyId=key["AccessKeyId"], Status="Inactive")

        self.iam.create_group(GroupName="devs")
        self.iam.add_user_to_group(GroupName="devs", UserName="alice")
        self.assertEqual([u["UserName"] for u in self.iam.get_group(GroupName="devs")["Users"]], ["alice"])
        self.assertEqual([g["GroupName"] for g in self.iam.list_groups_for_user(UserName="alice")["Groups"]], ["devs"])
        self.iam.attach_group_policy(GroupName="devs", PolicyArn=AWS_POLICY + "ReadOnlyAccess")
        self.iam.attach_user_policy(UserName="alice", PolicyArn=AWS_POLICY + "ReadOnlyAccess")
        self.assertEqual(self.iam.get_policy(PolicyArn=AWS_POLICY + "ReadOnlyAccess")["Policy"]["AttachmentCount"], 2)

        self.assertError("DeleteConflict", self.iam.delete_user, UserName="alice",
                         message="Cannot delete entity, must delete access keys first.")
        for k in listed:
            self.iam.delete_access_key(UserName="alice", AccessKeyId=k["AccessKeyId"])
        self.assertError("NoSuchEntity", self.iam.delete_access_key, UserName="alice",
                         AccessKeyId=key["AccessKeyId"])
        self.assertError("DeleteConflict", self.iam.delete_group, GroupName="devs",
                         message="Cannot delete entity, must remove users from group first.")
        self.iam.remove_user_from_group(GroupName="devs", UserName="alice")
        self.iam.detach_group_policy(GroupName="devs", PolicyArn=AWS_POLICY + "ReadOnlyAccess")
        self.iam.delete_group(GroupName="devs")
        self.assertError("DeleteConflict", self.iam.delete_user, UserName="alice",
                         message="Cannot delete entity, must detach all policies first.")
        self.iam.detach_user_policy(UserName="alice", PolicyArn=AWS_POLICY + "ReadOnlyAccess")
        self.iam.delete_user(UserName="alice")
        self.assertEqual(self.iam.list_users()["Users"], [])


class Isolation(IamTestCase):
    def test_accounts_do_not_share_roles_and_iam_ignores_the_region(self):
        self.make_role("mine")
        west = self.server.client("iam", region="eu-west-1")
        self.assertEqual(west.get_role(RoleName="mine")["Role"]["RoleName"], "mine")
        other = self.server.client("iam", access_key="111122223333")
        self.assertError("NoSuchEntity", other.get_role, RoleName="mine")
        self.assertEqual(other.list_roles()["Roles"], [])


class Cli(IamTestCase):
    def test_cli_roles_and_policies(self):
        doc = os.path.join(tempfile.mkdtemp(dir=TMP_ROOT), "trust.json")
        with open(doc, "w") as f:
            json.dump(TRUST_EKS, f)
        _, created, _ = self.server.cli("iam", "create-role", "--role-name", "cli-cluster",
                                        "--assume-role-policy-document", "file://" + doc)
        self.assertEqual(created["Role"]["RoleName"], "cli-cluster")
        self.server.cli("iam", "attach-role-policy", "--role-name", "cli-cluster",
                        "--policy-arn", AWS_POLICY + "AmazonEKSClusterPolicy")
        _, attached, _ = self.server.cli("iam", "list-attached-role-policies", "--role-name", "cli-cluster")
        self.assertEqual(attached["AttachedPolicies"][0]["PolicyName"], "AmazonEKSClusterPolicy")
        _, role, _ = self.server.cli("iam", "get-role", "--role-name", "cli-cluster")
        self.assertEqual(role["Role"]["AssumeRolePolicyDocument"], TRUST_EKS)
        _, listed, _ = self.server.cli("iam", "list-policies", "--scope", "AWS", "--only-attached")
        self.assertEqual([p["PolicyName"] for p in listed["Policies"]], ["AmazonEKSClusterPolicy"])

        code, _, err = self.server.cli("iam", "delete-role", "--role-name", "cli-cluster", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("DeleteConflict", err)
        self.assertIn("Cannot delete entity, must detach all policies first.", err)
        code, _, err = self.server.cli("iam", "get-role", "--role-name", "ghost", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("NoSuchEntity", err)
        self.assertIn("The role with name ghost cannot be found.", err)


if __name__ == "__main__":
    import unittest
    unittest.main()
