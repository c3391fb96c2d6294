"""EC2 networking through boto3: the default VPC every account starts with, zones and
regions, VPCs, subnets, gateways, addresses, route tables, security groups, network ACLs,
endpoints, flow logs, interfaces and tags, with the errors AWS gives for each."""
import unittest

import botocore.exceptions

from harness import ServerTestCase


class Ec2TestCase(ServerTestCase):
    def setUp(self):
        super().setUp()
        self.ec2 = self.server.client("ec2")

    def assertError(self, code, fn, *args, message=None, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response)
        if message is not None:
            self.assertEqual(cm.exception.response["Error"]["Message"], message)
        return cm.exception

    def vpc(self, cidr="10.0.0.0/16", **kwargs):
        return self.ec2.create_vpc(CidrBlock=cidr, **kwargs)["Vpc"]["VpcId"]

    def subnet(self, vpc_id, cidr, zone="us-east-1a"):
        return self.ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=zone)["Subnet"]["SubnetId"]


class DefaultNetwork(Ec2TestCase):
    def test_default_vpc_with_a_subnet_per_zone(self):
        vpcs = self.ec2.describe_vpcs()["Vpcs"]
        self.assertEqual(len(vpcs), 1)
        vpc = vpcs[0]
        self.assertTrue(vpc["IsDefault"])
        self.assertEqual(vpc["CidrBlock"], "172.31.0.0/16")
        self.assertEqual(vpc["State"], "available")
        self.assertRegex(vpc["VpcId"], r"^vpc-[0-9a-f]{17}$")

        subnets = self.ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])["Subnets"]
        by_zone = {s["AvailabilityZone"]: s for s in subnets}
        self.assertEqual(sorted(by_zone), [f"us-east-1{c}" for c in "abcdef"])
        self.assertEqual(by_zone["us-east-1a"]["CidrBlock"], "172.31.0.0/20")
        self.assertEqual(by_zone["us-east-1b"]["CidrBlock"], "172.31.16.0/20")
        for s in subnets:
            self.assertTrue(s["DefaultForAz"])
            self.assertTrue(s["MapPublicIpOnLaunch"])
            self.assertEqual(s["AvailableIpAddressCount"], 4091)

        igws = self.ec2.describe_internet_gateways(
            Filters=[{"Name": "attachment.vpc-id", "Values": [vpc["VpcId"]]}])["InternetGateways"]
        self.assertEqual(len(igws), 1)
        self.assertEqual(igws[0]["Attachments"], [{"State": "available", "VpcId": vpc["VpcId"]}])
        main = self.ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]},
                                                       {"Name": "association.main", "Values": ["true"]}])
        routes = main["RouteTables"][0]["Routes"]
        self.assertIn({"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": igws[0]["InternetGatewayId"],
                       "Origin": "CreateRoute", "State": "active"}, routes)
        groups = self.ec2.describe_security_groups(GroupNames=["default"])["SecurityGroups"]
        self.assertEqual(groups[0]["VpcId"], vpc["VpcId"])

        attributes = self.ec2.describe_account_attributes(AttributeNames=["default-vpc"])["AccountAttributes"]
        self.assertEqual(attributes[0]["AttributeValues"][0]["AttributeValue"], vpc["VpcId"])

    def test_each_account_and_region_has_its_own(self):
        mine = self.ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        other = self.server.client("ec2", access_key="111122223333").describe_vpcs()["Vpcs"]
        self.assertEqual(len(other), 1)
        self.assertNotEqual(other[0]["VpcId"], mine)
        self.assertEqual(other[0]["OwnerId"], "111122223333")
        ireland = self.server.client("ec2", region="eu-west-1")
        subnets = ireland.describe_subnets()["Subnets"]
        self.assertEqual(sorted(s["AvailabilityZoneId"] for s in subnets), ["euw1-az1", "euw1-az2", "euw1-az3"])

    def test_zones_and_regions(self):
        zones = self.ec2.describe_availability_zones()["AvailabilityZones"]
        self.assertEqual([z["ZoneName"] for z in zones], [f"us-east-1{c}" for c in "abcdef"])
        self.assertEqual([z["ZoneId"] for z in zones], [f"use1-az{i}" for i in range(1, 7)])
        self.assertTrue(all(z["State"] == "available" and z["RegionName"] == "us-east-1" for z in zones))
        self.assertEqual(zones[0]["OptInStatus"], "opt-in-not-required")

        picked = self.ec2.describe_availability_zones(Filters=[{"Name": "zone-id", "Values": ["use1-az2"]}])
        self.assertEqual([z["ZoneName"] for z in picked["AvailabilityZones"]], ["us-east-1b"])
        picked = self.ec2.describe_availability_zones(ZoneNames=["us-east-1c"], AllAvailabilityZones=True)
        self.assertEqual([z["ZoneId"] for z in picked["AvailabilityZones"]], ["use1-az3"])
        none = self.ec2.describe_availability_zones(Filters=[{"Name": "state", "Values": ["impaired"]}])
        self.assertEqual(none["AvailabilityZones"], [])
        self.assertError("InvalidParameterValue", self.ec2.describe_availability_zones, ZoneNames=["us-east-1z"])
        self.assertError("InvalidParameterValue", self.ec2.describe_availability_zones,
                         Filters=[{"Name": "colour", "Values": ["blue"]}], message="The filter 'colour' is invalid")

        frankfurt = self.server.client("ec2", region="eu-central-1").describe_availability_zones()
        self.assertEqual([z["ZoneId"] for z in frankfurt["AvailabilityZones"]], ["euc1-az1", "euc1-az2", "euc1-az3"])

        regions = {r["RegionName"]: r for r in self.ec2.describe_regions()["Regions"]}
        self.assertEqual(regions["us-east-1"]["Endpoint"], "ec2.us-east-1.amazonaws.com")
        self.assertEqual(regions["eu-west-1"]["OptInStatus"], "opt-in-not-required")
        one = self.ec2.describe_regions(RegionNames=["ap-southeast-2"])["Regions"]
        self.assertEqual([r["RegionName"] for r in one], ["ap-southeast-2"])


class Vpcs(Ec2TestCase):
    def test_create_describe_and_its_default_parts(self):
        created = self.ec2.create_vpc(CidrBlock="10.1.0.0/16", TagSpecifications=[
            {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "main"}]}])["Vpc"]
        vpc_id = created["VpcId"]
        self.assertEqual(created["CidrBlock"], "10.1.0.0/16")
        self.assertFalse(created["IsDefault"])
        self.ec2.get_waiter("vpc_available").wait(VpcIds=[vpc_id])

        named = self.ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["main"]}])["Vpcs"]
        self.assertEqual([v["VpcId"] for v in named], [vpc_id])
        default = self.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
        self.assertEqual(len(default), 1)
        self.assertNotEqual(default[0]["VpcId"], vpc_id)
        self.assertEqual(len(self.ec2.describe_vpcs(Filters=[{"Name": "cidr", "Values": ["10.1.*"]}])["Vpcs"]), 1)

        vpc_filter = [{"Name": "vpc-id", "Values": [vpc_id]}]
        tables = self.ec2.describe_route_tables(Filters=vpc_filter)["RouteTables"]
        self.assertEqual(len(tables), 1)
        self.assertTrue(tables[0]["Associations"][0]["Main"])
        self.assertEqual(tables[0]["Routes"], [{"DestinationCidrBlock": "10.1.0.0/16", "GatewayId": "local",
                                                "Origin": "CreateRouteTable", "State": "active"}])
        acls = self.ec2.describe_network_acls(Filters=vpc_filter + [{"Name": "default", "Values": ["true"]}])
        entries = acls["NetworkAcls"][0]["Entries"]
        self.assertEqual(sorted((e["RuleNumber"], e["Egress"], e["RuleAction"]) for e in entries),
                         [(100, False, "allow"), (100, True, "allow"), (32767, False, "deny"), (32767, True, "deny")])
        groups = self.ec2.describe_security_groups(Filters=vpc_filter + [{"Name": "group-name",
                                                                         "Values": ["default"]}])
        self.assertEqual(len(groups["SecurityGroups"]), 1)

    def test_attributes(self):
        vpc_id = self.vpc()
        support = self.ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsSupport")
        self.assertEqual(support["EnableDnsSupport"], {"Value": True})
        hostnames = self.ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsHostnames")
        self.assertEqual(hostnames["EnableDnsHostnames"], {"Value": False})
        self.ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})
        hostnames = self.ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsHostnames")
        self.assertEqual(hostnames["EnableDnsHostnames"], {"Value": True})
        metrics = self.ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableNetworkAddressUsageMetrics")
        self.assertEqual(metrics["EnableNetworkAddressUsageMetrics"], {"Value": False})

    def test_cidr_blocks(self):
        self.assertError("InvalidVpc.Range", self.ec2.create_vpc, CidrBlock="10.0.0.0/8",
                         message="The CIDR '10.0.0.0/8' is invalid.")
        self.assertError("InvalidParameterValue", self.ec2.create_vpc, CidrBlock="10.0.0.300/16")
        vpc_id = self.vpc("10.2.0.0/16", AmazonProvidedIpv6CidrBlock=True)
        vpc = self.ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"][0]
        self.assertRegex(vpc["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"], r"^2600:1f18:.*::/56$")

        added = self.ec2.associate_vpc_cidr_block(VpcId=vpc_id, CidrBlock="10.3.0.0/16")["CidrBlockAssociation"]
        self.assertEqual(added["CidrBlock"], "10.3.0.0/16")
        self.subnet(vpc_id, "10.3.1.0/24")
        self.assertError("InvalidVpc.Range", self.ec2.associate_vpc_cidr_block, VpcId=vpc_id, CidrBlock="10.2.128.0/17")
        self.assertError("InvalidCidrBlock.InUse", self.ec2.disassociate_vpc_cidr_block,
                         AssociationId=added["AssociationId"])

    def test_not_found(self):
        self.assertError("InvalidVpcID.NotFound", self.ec2.describe_vpcs, VpcIds=["vpc-123"],
                         message="The vpc ID 'vpc-123' does not exist")
        self.assertError("InvalidVpcID.NotFound", self.ec2.delete_vpc, VpcId="vpc-0123456789abcdef0")
        self.assertError("InvalidSubnetID.NotFound", self.ec2.describe_subnets, SubnetIds=["subnet-1"],
                         message="The subnet ID 'subnet-1' does not exist")
        self.assertError("InvalidGroup.NotFound", self.ec2.describe_security_groups, GroupIds=["sg-1"],
                         message="The security group 'sg-1' does not exist")
        self.assertError("InvalidRouteTableID.NotFound", self.ec2.describe_route_tables, RouteTableIds=["rtb-1"],
                         message="The routeTable ID 'rtb-1' does not exist")
        self.assertError("InvalidInternetGatewayID.NotFound", self.ec2.describe_internet_gateways,
                         InternetGatewayIds=["igw-1"], message="The internetGateway ID 'igw-1' does not exist")
        self.assertError("InvalidAllocationID.NotFound", self.ec2.describe_addresses, AllocationIds=["eipalloc-1"],
                         message="The allocation ID 'eipalloc-1' does not exist")
        self.assertError("NatGatewayNotFound", self.ec2.describe_nat_gateways, NatGatewayIds=["nat-1"])

    def test_delete_refuses_while_dependencies_remain(self):
        vpc_id = self.vpc()
        subnet_id = self.subnet(vpc_id, "10.0.1.0/24")
        self.assertError("DependencyViolation", self.ec2.delete_vpc, VpcId=vpc_id,
                         message=f"The vpc '{vpc_id}' has dependencies and cannot be deleted.")
        self.ec2.delete_subnet(SubnetId=subnet_id)

        igw_id = self.ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        self.ec2.attach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)
        self.assertError("DependencyViolation", self.ec2.delete_vpc, VpcId=vpc_id)
        self.ec2.detach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)

        sg_id = self.ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc_id)["GroupId"]
        self.assertError("DependencyViolation", self.ec2.delete_vpc, VpcId=vpc_id)
        self.ec2.delete_security_group(GroupId=sg_id)

        self.ec2.delete_vpc(VpcId=vpc_id)
        self.assertError("InvalidVpcID.NotFound", self.ec2.describe_vpcs, VpcIds=[vpc_id])
        # Its main route table, default ACL and default group went with it.
        vpc_filter = [{"Name": "vpc-id", "Values": [vpc_id]}]
        self.assertEqual(self.ec2.describe_route_tables(Filters=vpc_filter)["RouteTables"], [])
        self.assertEqual(self.ec2.describe_security_groups(Filters=vpc_filter)["SecurityGroups"], [])
        self.assertEqual(self.ec2.describe_network_acls(Filters=vpc_filter)["NetworkAcls"], [])


class Subnets(Ec2TestCase):
    def test_create_in_zone_and_modify(self):
        vpc_id = self.vpc()
        subnet = self.ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.3.0/24", AvailabilityZoneId="use1-az2")["Subnet"]
        self.assertEqual(subnet["AvailabilityZone"], "us-east-1b")
        self.assertEqual(subnet["AvailableIpAddressCount"], 251)
        self.assertFalse(subnet["MapPublicIpOnLaunch"])
        self.assertFalse(subnet["DefaultForAz"])
        self.ec2.get_waiter("subnet_available").wait(SubnetIds=[subnet["SubnetId"]])
        self.ec2.modify_subnet_attribute(SubnetId=subnet["SubnetId"], MapPublicIpOnLaunch={"Value": True})
        described = self.ec2.describe_subnets(SubnetIds=[subnet["SubnetId"]])["Subnets"][0]
        self.assertTrue(described["MapPublicIpOnLaunch"])
        by_zone = self.ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": ["us-east-1b"]},
                                                     {"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
        self.assertEqual([s["SubnetId"] for s in by_zone], [subnet["SubnetId"]])
        # A new subnet starts in the VPC's default network ACL.
        acl = self.ec2.describe_network_acls(
            Filters=[{"Name": "association.subnet-id", "Values": [subnet["SubnetId"]]}])["NetworkAcls"]
        self.assertTrue(acl[0]["IsDefault"])

    def test_cidr_must_fit_the_vpc_and_not_overlap(self):
        vpc_id = self.vpc()
        self.subnet(vpc_id, "10.0.0.0/24")
        self.assertError("InvalidSubnet.Range", self.ec2.create_subnet, VpcId=vpc_id, CidrBlock="10.1.0.0/24",
                         message="The CIDR '10.1.0.0/24' is invalid.")
        self.assertError("InvalidSubnet.Range", self.ec2.create_subnet, VpcId=vpc_id, CidrBlock="10.0.0.0/29")
        self.assertError("InvalidSubnet.Conflict", self.ec2.create_subnet, VpcId=vpc_id, CidrBlock="10.0.0.128/25",
                         message="The CIDR '10.0.0.128/25' conflicts with another subnet")
        self.assertError("InvalidParameterValue", self.ec2.create_subnet, VpcId=vpc_id, CidrBlock="10.0.9.0/24",
                         AvailabilityZone="us-east-1z")
        self.assertError("InvalidVpcID.NotFound", self.ec2.create_subnet, VpcId="vpc-1", CidrBlock="10.0.0.0/24")

    def test_pages(self):
        vpc_id = self.vpc()
        ids = {self.subnet(vpc_id, f"10.0.{i}.0/24") for i in range(7)}
        seen, token = [], None
        while True:
            kwargs = {"Filters": [{"Name": "vpc-id", "Values": [vpc_id]}], "MaxResults": 5}
            if token:
                kwargs["NextToken"] = token
            page = self.ec2.describe_subnets(**kwargs)
            seen += [s["SubnetId"] for s in page["Subnets"]]
            token = page.get("NextToken")
            if not token:
                break
        self.assertEqual(sorted(seen), sorted(ids))


class GatewaysAndRoutes(Ec2TestCase):
    def test_internet_gateway_rules(self):
        vpc_id, other = self.vpc(), self.vpc("10.9.0.0/16")
        igw = self.ec2.create_internet_gateway(TagSpecifications=[
            {"ResourceType": "internet-gateway", "Tags": [{"Key": "Name", "Value": "gw"}]}])["InternetGateway"]
        igw_id = igw["InternetGatewayId"]
        self.assertEqual(igw["Tags"], [{"Key": "Name", "Value": "gw"}])
        self.ec2.attach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)
        self.assertError("Resource.AlreadyAssociated", self.ec2.attach_internet_gateway,
                         InternetGatewayId=igw_id, VpcId=other)
        self.assertError("DependencyViolation", self.ec2.delete_internet_gateway, InternetGatewayId=igw_id)
        self.assertError("Gateway.NotAttached", self.ec2.detach_internet_gateway, InternetGatewayId=igw_id, VpcId=other)
        self.ec2.detach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)
        self.ec2.delete_internet_gateway(InternetGatewayId=igw_id)

    def test_route_tables_routes_and_associations(self):
        vpc_id = self.vpc()
        subnet_id = self.subnet(vpc_id, "10.0.1.0/24")
        igw_id = self.ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        rtb_id = self.ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
        self.assertError("InvalidParameterValue", self.ec2.create_route, RouteTableId=rtb_id,
                         DestinationCidrBlock="0.0.0.0/0", GatewayId=igw_id)
        self.ec2.attach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)
        self.ec2.create_route(RouteTableId=rtb_id, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw_id)
        self.assertError("RouteAlreadyExists", self.ec2.create_route, RouteTableId=rtb_id,
                         DestinationCidrBlock="0.0.0.0/0", GatewayId=igw_id)
        assoc = self.ec2.associate_route_table(RouteTableId=rtb_id, SubnetId=subnet_id)
        self.assertEqual(assoc["AssociationState"]["State"], "associated")
        found = self.ec2.describe_route_tables(Filters=[{"Name": "association.subnet-id",
                                                         "Values": [subnet_id]}])["RouteTables"]
        self.assertEqual([t["RouteTableId"] for t in found], [rtb_id])
        self.assertError("DependencyViolation", self.ec2.delete_route_table, RouteTableId=rtb_id)
        self.ec2.disassociate_route_table(AssociationId=assoc["AssociationId"])
        self.ec2.delete_route(RouteTableId=rtb_id, DestinationCidrBlock="0.0.0.0/0")
        self.assertError("InvalidRoute.NotFound", self.ec2.delete_route, RouteTableId=rtb_id,
                         DestinationCidrBlock="0.0.0.0/0")
        self.ec2.delete_route_table(RouteTableId=rtb_id)
        self.assertError("InvalidRouteTableID.NotFound", self.ec2.delete_route_table, RouteTableId=rtb_id)

    def test_nat_gateway_with_an_elastic_ip(self):
        vpc_id = self.vpc()
        subnet_id = self.subnet(vpc_id, "10.0.1.0/24")
        eip = self.ec2.allocate_address(Domain="vpc")
        self.assertRegex(eip["AllocationId"], r"^eipalloc-[0-9a-f]{17}$")
        nat = self.ec2.create_nat_gateway(SubnetId=subnet_id, AllocationId=eip["AllocationId"])["NatGateway"]
        self.assertEqual(nat["State"], "pending")
        self.ec2.get_waiter("nat_gateway_available").wait(NatGatewayIds=[nat["NatGatewayId"]],
                                                          WaiterConfig={"Delay": 1, "MaxAttempts": 5})
        described = self.ec2.describe_nat_gateways(NatGatewayIds=[nat["NatGatewayId"]])["NatGateways"][0]
        self.assertEqual(described["VpcId"], vpc_id)
        self.assertEqual(described["NatGatewayAddresses"][0]["PublicIp"], eip["PublicIp"])
        address = self.ec2.describe_addresses(AllocationIds=[eip["AllocationId"]])["Addresses"][0]
        self.assertEqual(address["NetworkInterfaceId"], described["NatGatewayAddresses"][0]["NetworkInterfaceId"])
        self.assertError("InvalidIPAddress.InUse", self.ec2.release_address, AllocationId=eip["AllocationId"])
        self.assertError("DependencyViolation", self.ec2.delete_subnet, SubnetId=subnet_id)
        subnet = self.ec2.describe_subnets(SubnetIds=[subnet_id])["Subnets"][0]
        self.assertEqual(subnet["AvailableIpAddressCount"], 250)

        rtb_id = self.ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
        self.ec2.create_route(RouteTableId=rtb_id, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat["NatGatewayId"])

        self.ec2.delete_nat_gateway(NatGatewayId=nat["NatGatewayId"])
        self.ec2.get_waiter("nat_gateway_deleted").wait(NatGatewayIds=[nat["NatGatewayId"]],
                                                        WaiterConfig={"Delay": 1, "MaxAttempts": 5})
        self.ec2.release_address(AllocationId=eip["AllocationId"])
        self.assertError("InvalidAllocationID.NotFound", self.ec2.release_address, AllocationId=eip["AllocationId"])
        self.ec2.delete_subnet(SubnetId=subnet_id)

    def test_addresses_on_interfaces(self):
        vpc_id = self.vpc()
        subnet_id = self.subnet(vpc_id, "10.0.1.0/24")
        eni = self.ec2.create_network_interface(SubnetId=subnet_id, Description="mine")["NetworkInterface"]
        self.assertEqual(eni["PrivateIpAddress"], "10.0.1.4")
        self.assertEqual(eni["Status"], "available")
        eip = self.ec2.allocate_address(Domain="vpc")
        assoc = self.ec2.associate_address(AllocationId=eip["AllocationId"],
                                           NetworkInterfaceId=eni["NetworkInterfaceId"])
        found = self.ec2.describe_addresses(Filters=[{"Name": "association-id",
                                                      "Values": [assoc["AssociationId"]]}])["Addresses"]
        self.assertEqual(found[0]["PrivateIpAddress"], "10.0.1.4")
        attr = self.ec2.describe_addresses_attribute(AllocationIds=[eip["AllocationId"]], Attribute="domain-name")
        self.assertEqual(attr["Addresses"][0]["PublicIp"], eip["PublicIp"])
        self.ec2.disassociate_address(AssociationId=assoc["AssociationId"])
        self.ec2.release_address(AllocationId=eip["AllocationId"])
        listed = self.ec2.describe_network_interfaces(Filters=[{"Name": "subnet-id", "Values": [subnet_id]}])
        self.assertEqual([n["NetworkInterfaceId"] for n in listed["NetworkInterfaces"]], [eni["NetworkInterfaceId"]])
        self.ec2.delete_network_interface(NetworkInterfaceId=eni["NetworkInterfaceId"])
        self.ec2.delete_subnet(SubnetId=subnet_id)


class SecurityGroups(Ec2TestCase):
    def test_rules_referencing_groups(self):
        vpc_id = self.vpc()
        web = self.ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc_id)["GroupId"]
        db = self.ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc_id)["GroupId"]
        group = self.ec2.describe_security_groups(GroupIds=[web])["SecurityGroups"][0]
        self.assertEqual(group["IpPermissions"], [])
        self.assertEqual(group["IpPermissionsEgress"][0]["IpProtocol"], "-1")
        self.assertEqual(group["IpPermissionsEgress"][0]["IpRanges"], [{"CidrIp": "0.0.0.0/0"}])

        added = self.ec2.authorize_security_group_ingress(GroupId=db, IpPermissions=[{
            "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
            "UserIdGroupPairs": [{"GroupId": web, "Description": "from web"}]}])
        self.assertTrue(added["Return"])
        rule_id = added["SecurityGroupRules"][0]["SecurityGroupRuleId"]
        self.assertRegex(rule_id, r"^sgr-[0-9a-f]{17}$")
        permission = self.ec2.describe_security_groups(GroupIds=[db])["SecurityGroups"][0]["IpPermissions"][0]
        self.assertEqual((permission["FromPort"], permission["ToPort"]), (5432, 5432))
        self.assertEqual(permission["UserIdGroupPairs"][0]["GroupId"], web)
        self.assertEqual(permission["UserIdGroupPairs"][0]["Description"], "from web")

        err = self.assertError("InvalidPermission.Duplicate", self.ec2.authorize_security_group_ingress, GroupId=db,
                               IpPermissions=[{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                                               "UserIdGroupPairs": [{"GroupId": web}]}])
        self.assertIn("already exists", err.response["Error"]["Message"])
        self.assertError("InvalidGroup.NotFound", self.ec2.authorize_security_group_ingress, GroupId=db,
                         IpPermissions=[{"IpProtocol": "tcp", "FromPort": 1, "ToPort": 2,
                                         "UserIdGroupPairs": [{"GroupId": "sg-0000000000000000f"}]}])
        self.assertError("DependencyViolation", self.ec2.delete_security_group, GroupId=web)

        rules = self.ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [db]}])
        self.assertEqual(sorted(r["IsEgress"] for r in rules["SecurityGroupRules"]), [False, True])
        self.ec2.modify_security_group_rules(GroupId=db, SecurityGroupRules=[{
            "SecurityGroupRuleId": rule_id, "SecurityGroupRule": {
                "IpProtocol": "tcp", "FromPort": 5433, "ToPort": 5433, "ReferencedGroupId": web}}])
        rule = self.ec2.describe_security_group_rules(SecurityGroupRuleIds=[rule_id])["SecurityGroupRules"][0]
        self.assertEqual(rule["FromPort"], 5433)

        self.ec2.revoke_security_group_ingress(GroupId=db, SecurityGroupRuleIds=[rule_id])
        self.assertError("InvalidPermission.NotFound", self.ec2.revoke_security_group_ingress, GroupId=db,
                         IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                         "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
        self.ec2.revoke_security_group_egress(GroupId=web, IpPermissions=[
            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
        self.assertEqual(self.ec2.describe_security_groups(GroupIds=[web])["SecurityGroups"][0]["IpPermissionsEgress"], [])
        self.ec2.delete_security_group(GroupId=web)
        self.assertError("InvalidGroup.NotFound", self.ec2.delete_security_group, GroupId=web)

    def test_names(self):
        vpc_id = self.vpc()
        self.ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc_id)
        self.assertError("InvalidGroup.Duplicate", self.ec2.create_security_group, GroupName="app",
                         Description="again", VpcId=vpc_id)
        default_sg = self.ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc_id]},
                                                                {"Name": "group-name", "Values": ["default"]}])
        self.assertError("CannotDelete", self.ec2.delete_security_group,
                         GroupId=default_sg["SecurityGroups"][0]["GroupId"])
        # Without a VpcId a group goes to the default VPC, and can be found there by name.
        self.ec2.create_security_group(GroupName="classic-style", Description="x")
        by_name = self.ec2.describe_security_groups(GroupNames=["classic-style"])["SecurityGroups"]
        self.assertEqual(len(by_name), 1)
        self.assertError("InvalidGroup.NotFound", self.ec2.describe_security_groups, GroupNames=["nope"])


class OtherResources(Ec2TestCase):
    def test_network_acl_entries(self):
        vpc_id = self.vpc()
        subnet_id = self.subnet(vpc_id, "10.0.1.0/24")
        acl_id = self.ec2.create_network_acl(VpcId=vpc_id)["NetworkAcl"]["NetworkAclId"]
        self.ec2.create_network_acl_entry(NetworkAclId=acl_id, RuleNumber=100, Protocol="6", RuleAction="allow",
                                          Egress=False, CidrBlock="0.0.0.0/0", PortRange={"From": 443, "To": 443})
        self.assertError("NetworkAclEntryAlreadyExists", self.ec2.create_network_acl_entry, NetworkAclId=acl_id,
                         RuleNumber=100, Protocol="-1", RuleAction="deny", Egress=False, CidrBlock="0.0.0.0/0")
        entries = self.ec2.describe_network_acls(NetworkAclIds=[acl_id])["NetworkAcls"][0]["Entries"]
        self.assertIn({"RuleNumber": 100, "Protocol": "6", "RuleAction": "allow", "Egress": False,
                       "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 443, "To": 443}}, entries)
        old = self.ec2.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [subnet_id]}])
        assoc_id = [a for a in old["NetworkAcls"][0]["Associations"] if a["SubnetId"] == subnet_id][0]
        self.ec2.replace_network_acl_association(AssociationId=assoc_id["NetworkAclAssociationId"],
                                                 NetworkAclId=acl_id)
        self.assertError("DependencyViolation", self.ec2.delete_network_acl, NetworkAclId=acl_id)

    def test_gateway_endpoint_routes_through_the_prefix_list(self):
        vpc_id = self.vpc()
        rtb_id = self.ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
        endpoint = self.ec2.create_vpc_endpoint(VpcId=vpc_id, ServiceName="com.amazonaws.us-east-1.s3",
                                                RouteTableIds=[rtb_id])["VpcEndpoint"]
        lists = self.ec2.describe_prefix_lists(Filters=[{"Name": "prefix-list-name",
                                                         "Values": ["com.amazonaws.us-east-1.s3"]}])["PrefixLists"]
        routes = self.ec2.describe_route_tables(RouteTableIds=[rtb_id])["RouteTables"][0]["Routes"]
        self.assertIn({"DestinationPrefixListId": lists[0]["PrefixListId"], "GatewayId": endpoint["VpcEndpointId"],
                       "Origin": "CreateRoute", "State": "active"}, routes)
        self.assertError("DependencyViolation", self.ec2.delete_vpc, VpcId=vpc_id)
        result = self.ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint["VpcEndpointId"], "vpce-0000000000000000f"])
        self.assertEqual([u["ResourceId"] for u in result["Unsuccessful"]], ["vpce-0000000000000000f"])
        routes = self.ec2.describe_route_tables(RouteTableIds=[rtb_id])["RouteTables"][0]["Routes"]
        self.assertEqual(len(routes), 1)

    def test_flow_logs(self):
        vpc_id = self.vpc()
        created = self.ec2.create_flow_logs(ResourceIds=[vpc_id, "vpc-0000000000000000f"], ResourceType="VPC",
                                            TrafficType="ALL", LogGroupName="flows",
                                            DeliverLogsPermissionArn="arn:aws:iam::000000000000:role/flows")
        self.assertEqual(len(created["FlowLogIds"]), 1)
        self.assertEqual(created["Unsuccessful"][0]["Error"]["Code"], "InvalidVpcID.NotFound")
        logs = self.ec2.describe_flow_logs(Filters=[{"Name": "resource-id", "Values": [vpc_id]}])["FlowLogs"]
        self.assertEqual(logs[0]["LogGroupName"], "flows")
        self.assertEqual(logs[0]["FlowLogStatus"], "ACTIVE")
        self.ec2.delete_flow_logs(FlowLogIds=created["FlowLogIds"])
        self.assertEqual(self.ec2.describe_flow_logs()["FlowLogs"], [])

    def test_tags(self):
        vpc_id = self.vpc()
        self.ec2.create_tags(Resources=[vpc_id], Tags=[{"Key": "Name", "Value": "one"}, {"Key": "env", "Value": "dev"}])
        tags = self.ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [vpc_id]}])["Tags"]
        self.assertEqual(sorted((t["Key"], t["Value"], t["ResourceType"]) for t in tags),
                         [("Name", "one", "vpc"), ("env", "dev", "vpc")])
        self.ec2.delete_tags(Resources=[vpc_id], Tags=[{"Key": "env"}])
        vpc = self.ec2.describe_vpcs(Filters=[{"Name": "tag-key", "Values": ["Name"]}])["Vpcs"]
        self.assertEqual([(v["VpcId"], v["Tags"]) for v in vpc], [(vpc_id, [{"Key": "Name", "Value": "one"}])])
        self.assertError("InvalidVpcID.NotFound", self.ec2.create_tags, Resources=["vpc-0000000000000000f"],
                         Tags=[{"Key": "a", "Value": "b"}])


if __name__ == "__main__":
    unittest.main()
