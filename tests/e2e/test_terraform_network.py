"""The network stack of issue 3 with Terraform's AWS provider: a VPC over three zones
with public and private subnets, an internet gateway, NAT gateways, route tables and
security groups referring to each other, plus the IAM, KMS and SNS resources beside it.
Apply succeeds, a second plan shows no changes, and destroy leaves only the default VPC."""
import json
import unittest

from harness import TerraformTestCase


class NetworkStack(TerraformTestCase):
    module = "network"

    def test_apply_plan_destroy(self):
        self.terraform("init", "-input=false")
        self.terraform("apply", "-auto-approve", "-input=false")
        outputs = {k: v["value"] for k, v in json.loads(self.terraform("output", "-json").stdout).items()}

        ec2 = self.server.client("ec2")
        vpc_id = outputs["vpc_id"]
        vpc = ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"][0]
        self.assertEqual(vpc["CidrBlock"], "10.40.0.0/16")
        self.assertTrue(ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsHostnames")
                        ["EnableDnsHostnames"]["Value"])
        subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
        self.assertEqual(len(subnets), 6)
        public = [s for s in subnets if s["SubnetId"] in outputs["public_subnet_ids"]]
        self.assertEqual(sorted(s["AvailabilityZone"] for s in public), ["us-east-1a", "us-east-1b", "us-east-1c"])
        self.assertTrue(all(s["MapPublicIpOnLaunch"] for s in public))
        nats = ec2.describe_nat_gateways(NatGatewayIds=outputs["nat_gateway_ids"])["NatGateways"]
        self.assertEqual([n["State"] for n in nats], ["available"] * 3)

        # Each private subnet routes to the internet through the NAT gateway of its zone.
        for subnet_id, nat_id in zip(outputs["private_subnet_ids"], outputs["nat_gateway_ids"]):
            table = ec2.describe_route_tables(Filters=[{"Name": "association.subnet-id",
                                                        "Values": [subnet_id]}])["RouteTables"][0]
            self.assertIn(nat_id, [r.get("NatGatewayId") for r in table["Routes"]])

        groups = outputs["security_group_ids"]
        db = ec2.describe_security_groups(GroupIds=[groups["db"]])["SecurityGroups"][0]
        self.assertEqual(db["IpPermissions"][0]["UserIdGroupPairs"][0]["GroupId"], groups["app"])
        app = ec2.describe_security_groups(GroupIds=[groups["app"]])["SecurityGroups"][0]
        self.assertEqual(app["IpPermissions"][0]["UserIdGroupPairs"][0]["GroupId"], groups["lb"])

        plan = self.terraform("plan", "-detailed-exitcode", "-input=false", ok=(0, 2))
        self.assertEqual(plan.returncode, 0, "a second plan wants changes:\n" + plan.stdout[-6000:])

        self.terraform("destroy", "-auto-approve", "-input=false")
        vpcs = ec2.describe_vpcs()["Vpcs"]
        self.assertEqual([v["IsDefault"] for v in vpcs], [True])
        self.assertEqual(ec2.describe_addresses()["Addresses"], [])
        self.assertEqual(ec2.describe_network_interfaces()["NetworkInterfaces"], [])


if __name__ == "__main__":
    unittest.main()
