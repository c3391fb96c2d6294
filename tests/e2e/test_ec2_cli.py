"""EC2 networking through the AWS CLI: the default VPC, zones, a VPC with subnets and a
security group, and the errors (exit code and AWS's message on stderr)."""
import unittest

from harness import ServerTestCase


class Ec2Cli(ServerTestCase):
    def ec2(self, *args, check=True):
        return self.server.cli("ec2", *args, check=check)

    def test_default_vpc_and_zones(self):
        _, out, _ = self.ec2("describe-vpcs", "--filters", "Name=isDefault,Values=true")
        self.assertEqual(len(out["Vpcs"]), 1)
        self.assertEqual(out["Vpcs"][0]["CidrBlock"], "172.31.0.0/16")
        _, out, _ = self.ec2("describe-availability-zones", "--query", "AvailabilityZones[].ZoneName")
        self.assertEqual(out, [f"us-east-1{c}" for c in "abcdef"])
        _, out, _ = self.ec2("describe-availability-zones", "--region", "eu-west-1",
                             "--filters", "Name=zone-name,Values=eu-west-1b")
        self.assertEqual([z["ZoneId"] for z in out["AvailabilityZones"]], ["euw1-az2"])
        _, out, _ = self.ec2("describe-regions", "--region-names", "us-west-2")
        self.assertEqual(out["Regions"], [{"Endpoint": "ec2.us-west-2.amazonaws.com", "RegionName": "us-west-2",
                                           "OptInStatus": "opt-in-not-required"}])

    def test_vpc_subnets_and_groups(self):
        _, out, _ = self.ec2("create-vpc", "--cidr-block", "10.20.0.0/16",
                             "--tag-specifications", "ResourceType=vpc,Tags=[{Key=Name,Value=cli}]")
        vpc_id = out["Vpc"]["VpcId"]
        self.ec2("wait", "vpc-available", "--vpc-ids", vpc_id)
        _, out, _ = self.ec2("create-subnet", "--vpc-id", vpc_id, "--cidr-block", "10.20.1.0/24",
                             "--availability-zone", "us-east-1c")
        subnet_id = out["Subnet"]["SubnetId"]
        self.assertEqual(out["Subnet"]["AvailabilityZoneId"], "use1-az3")

        code, _, err = self.ec2("create-subnet", "--vpc-id", vpc_id, "--cidr-block", "10.20.1.0/25", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("InvalidSubnet.Conflict", err)
        self.assertIn("The CIDR '10.20.1.0/25' conflicts with another subnet", err)

        _, out, _ = self.ec2("create-security-group", "--group-name", "api", "--description", "api",
                             "--vpc-id", vpc_id)
        sg_id = out["GroupId"]
        self.ec2("authorize-security-group-ingress", "--group-id", sg_id, "--protocol", "tcp", "--port", "443",
                 "--cidr", "0.0.0.0/0")
        code, _, err = self.ec2("authorize-security-group-ingress", "--group-id", sg_id, "--protocol", "tcp",
                                "--port", "443", "--cidr", "0.0.0.0/0", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("InvalidPermission.Duplicate", err)
        _, out, _ = self.ec2("describe-security-groups", "--group-ids", sg_id,
                             "--query", "SecurityGroups[0].IpPermissions[0]")
        self.assertEqual((out["IpProtocol"], out["FromPort"], out["ToPort"]), ("tcp", 443, 443))
        self.assertEqual(out["IpRanges"], [{"CidrIp": "0.0.0.0/0"}])

        _, out, _ = self.ec2("describe-subnets", "--filters", f"Name=vpc-id,Values={vpc_id}",
                             "--query", "Subnets[].SubnetId")
        self.assertEqual(out, [subnet_id])
        code, _, err = self.ec2("delete-vpc", "--vpc-id", vpc_id, check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("DependencyViolation", err)
        self.ec2("delete-security-group", "--group-id", sg_id)
        self.ec2("delete-subnet", "--subnet-id", subnet_id)
        self.ec2("delete-vpc", "--vpc-id", vpc_id)
        code, _, err = self.ec2("describe-vpcs", "--vpc-ids", vpc_id, check=False)
        self.assertNotEqual(code, 0)
        self.assertIn(f"The vpc ID '{vpc_id}' does not exist", err)

    def test_tags_and_filters(self):
        _, out, _ = self.ec2("create-vpc", "--cidr-block", "10.30.0.0/16")
        vpc_id = out["Vpc"]["VpcId"]
        self.ec2("create-tags", "--resources", vpc_id, "--tags", "Key=team,Value=data")
        _, out, _ = self.ec2("describe-vpcs", "--filters", "Name=tag:team,Values=data", "--query", "Vpcs[].VpcId")
        self.assertEqual(out, [vpc_id])
        _, out, _ = self.ec2("describe-tags", "--filters", f"Name=resource-id,Values={vpc_id}")
        self.assertEqual(out["Tags"], [{"Key": "team", "ResourceId": vpc_id, "ResourceType": "vpc", "Value": "data"}])


if __name__ == "__main__":
    unittest.main()
