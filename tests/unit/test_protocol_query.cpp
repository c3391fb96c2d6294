// The query and ec2 wires against AWS's own models (STS, EC2) and a small hand-made model
// for the traits those two never use (flattened lists and maps, maps, timestamp formats).
// botocore is the judge: what we encode must parse, in botocore's own parser, to the value
// the service returned; what botocore serializes must decode to the parameters it was given.
// Members come out in the order of the generated model's tables (modelgen reads the model
// into a sorted JSON object, so alphabetical); no client depends on that order.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "emulator/protocol/codecs.hpp"

using namespace understudy;
using namespace understudy::protocol;

namespace {

const model::Service& service(std::string_view name) {
  const model::Service* found = model::find_service(name);
  REQUIRE(found != nullptr);
  return *found;
}

Route route_for(const model::Service& svc, std::string_view operation) {
  Route r;
  r.service = &svc;
  r.operation = svc.find_operation(operation);
  REQUIRE(r.operation != nullptr);
  r.wire = svc.protocol == "ec2" ? Wire::Ec2 : Wire::Query;
  r.operation_name = std::string(operation);
  return r;
}

HttpRequest form_post(std::string body) {
  HttpRequest request;
  request.method = "POST";
  request.target = "/";
  request.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}};
  request.body = std::move(body);
  return request;
}

std::string header(const HttpResponse& response, std::string_view name) {
  for (const auto& [k, v] : response.headers)
    if (k == name) return v;
  return {};
}

// Runs tests/unit/botocore_check.py on `request` and returns what it printed.
std::string run_botocore(const Json& request) {
  namespace fs = std::filesystem;
  fs::path script = fs::path(__FILE__).parent_path() / "botocore_check.py";
  fs::path dir = fs::temp_directory_path() / ("understudy-botocore-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path in = dir / "request.json", out = dir / "result.txt";
  std::ofstream(in) << request.dump();
  std::string command = "python3 '" + script.string() + "' '" + in.string() + "' > '" + out.string() + "' 2>&1";
  int rc = std::system(command.c_str());
  std::stringstream printed;
  printed << std::ifstream(out).rdbuf();
  fs::remove_all(dir);
  INFO(printed.str());
  REQUIRE(rc == 0);
  return printed.str();
}

Json botocore_parse(const Json& service, std::string_view operation, const HttpResponse& response) {
  return Json::parse(run_botocore(
      {{"mode", "parse"}, {"service", service}, {"operation", operation}, {"status", response.status},
       {"body", response.body}}));
}

std::string botocore_serialize(const Json& service, std::string_view operation, const Json& params) {
  return run_botocore({{"mode", "serialize"}, {"service", service}, {"operation", operation}, {"params", params}});
}

// ---- a hand-made query model: the traits STS and EC2 do not exercise -------------------

using model::Ref;
using model::Shape;
using model::Type;
using enum model::Location;
using enum model::TimestampFormat;

constexpr Shape kFlatShapes[] = {
    {Type::Structure, 0, Default, 2, 10, ""},  // 0 EchoBody
    {Type::String, 0, Default, 0, 0, ""},      // 1
    {Type::List, model::kFlattened, Default, 12, 1, ""},  // 2 NamesList
    {Type::List, 0, Default, 13, 1, ""},                  // 3 LabelsList
    {Type::Map, 0, Default, 14, 2, ""},                   // 4 AttrMap
    {Type::Map, model::kFlattened, Default, 16, 2, ""},   // 5 FlagMap
    {Type::Timestamp, 0, Default, 0, 0, ""},              // 6
    {Type::Boolean, 0, Default, 0, 0, ""},                // 7
    {Type::Double, 0, Default, 0, 0, ""},                 // 8
    {Type::Long, 0, Default, 0, 0, ""},                   // 9
    {Type::Structure, 0, Default, 18, 1, ""},             // 10 Inner
    {Type::Blob, 0, Default, 0, 0, ""},                   // 11
};
constexpr Ref kFlatRefs[] = {
    {"", 0, 0, Body, Default, "", ""},  // 0 input
    {"", 0, 0, Body, Default, "", ""},  // 1 output
    {"Names", 2, 0, Body, Default, "", ""},
    {"Labels", 3, 0, Body, Default, "", ""},
    {"Attributes", 4, 0, Body, Default, "", ""},
    {"Flags", 5, 0, Body, Default, "", ""},
    {"When", 6, 0, Body, UnixTimestamp, "", ""},
    {"Ratio", 8, 0, Body, Default, "", ""},
    {"Count", 9, 0, Body, Default, "", ""},
    {"Enabled", 7, 0, Body, Default, "", ""},
    {"Inner", 10, 0, Body, Default, "", ""},
    {"Data", 11, 0, Body, Default, "", ""},
    {"", 1, 0, Body, Default, "Name", ""},   // 12 NamesList member
    {"", 1, 0, Body, Default, "Label", ""},  // 13 LabelsList member
    {"", 1, 0, Body, Default, "Name", ""},   // 14 AttrMap key
    {"", 1, 0, Body, Default, "Value", ""},  // 15 AttrMap value
    {"", 1, 0, Body, Default, "", ""},       // 16 FlagMap key
    {"", 7, 0, Body, Default, "", ""},       // 17 FlagMap value
    {"Note", 1, 0, Body, Default, "note", ""},  // 18 Inner.Note
};
constexpr model::Operation kFlatOperations[] = {{"Echo", "POST", "/", 200, 0, 1, "EchoResult"}};
const model::Service kFlat{"flat", "2020-01-01", "query", "flat", "flat", "", "", "https://flat.example/doc/2020-01-01/",
                           "Flat", kFlatOperations, kFlatShapes, kFlatRefs};

// The same model as botocore reads service descriptions.
const Json kFlatBotocore = Json::parse(R"({
  "metadata": {"protocol": "query", "apiVersion": "2020-01-01", "endpointPrefix": "flat", "serviceId": "Flat",
               "signatureVersion": "v4", "xmlNamespace": "https://flat.example/doc/2020-01-01/"},
  "operations": {"Echo": {"name": "Echo", "http": {"method": "POST", "requestUri": "/"},
                          "input": {"shape": "EchoBody"},
                          "output": {"shape": "EchoBody", "resultWrapper": "EchoResult"}}},
  "shapes": {
    "EchoBody": {"type": "structure", "members": {
      "Names": {"shape": "NamesList"}, "Labels": {"shape": "LabelsList"}, "Attributes": {"shape": "AttrMap"},
      "Flags": {"shape": "FlagMap"}, "When": {"shape": "Ts", "timestampFormat": "unixTimestamp"},
      "Ratio": {"shape": "Dbl"}, "Count": {"shape": "Lng"}, "Enabled": {"shape": "Bool"},
      "Inner": {"shape": "Inner"}, "Data": {"shape": "Blb"}}},
    "Str": {"type": "string"}, "Ts": {"type": "timestamp"}, "Bool": {"type": "boolean"},
    "Dbl": {"type": "double"}, "Lng": {"type": "long"}, "Blb": {"type": "blob"},
    "NamesList": {"type": "list", "member": {"shape": "Str", "locationName": "Name"}, "flattened": true},
    "LabelsList": {"type": "list", "member": {"shape": "Str", "locationName": "Label"}},
    "AttrMap": {"type": "map", "key": {"shape": "Str", "locationName": "Name"},
                "value": {"shape": "Str", "locationName": "Value"}},
    "FlagMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Bool"}, "flattened": true},
    "Inner": {"type": "structure", "members": {"Note": {"shape": "Str", "locationName": "note"}}}
  }})");

}  // namespace

// ---- decoding ----------------------------------------------------------------------------

TEST_CASE("query: AssumeRole form decodes lists of structures, numbers and strings", "[protocol][query]") {
  const auto& sts = service("sts");
  Json input = detail::decode_query(
      route_for(sts, "AssumeRole"),
      form_post("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy"
                "&RoleSessionName=ci+run&DurationSeconds=900&Tags.member.1.Key=team&Tags.member.1.Value=core"
                "&Tags.member.2.Key=env&Tags.member.2.Value=dev&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws"
                "%3Apolicy%2FReadOnlyAccess&Unknown.Key=ignored"));
  CHECK(input == Json{{"RoleArn", "arn:aws:iam::123456789012:role/deploy"},
                      {"RoleSessionName", "ci run"},
                      {"DurationSeconds", 900},
                      {"Tags", {{{"Key", "team"}, {"Value", "core"}}, {{"Key", "env"}, {"Value", "dev"}}}},
                      {"PolicyArns", {{{"arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}}});
  CHECK(input["DurationSeconds"].is_number_integer());
}

TEST_CASE("query: list positions are ordered by number, not by text", "[protocol][query]") {
  const auto& sts = service("sts");
  std::string body = "RoleArn=a&RoleSessionName=s";
  for (int i = 12; i >= 1; --i) body += "&TransitiveTagKeys.member." + std::to_string(i) + "=k" + std::to_string(i);
  Json input = detail::decode_query(route_for(sts, "AssumeRole"), form_post(body));
  REQUIRE(input["TransitiveTagKeys"].size() == 12);
  CHECK(input["TransitiveTagKeys"][1] == "k2");
  CHECK(input["TransitiveTagKeys"][9] == "k10");
}

TEST_CASE("query: a GET request carries its fields in the query string", "[protocol][query]") {
  const auto& sts = service("sts");
  HttpRequest request;
  request.method = "GET";
  request.target = "/?Action=AssumeRole&RoleArn=r&RoleSessionName=s&DurationSeconds=3600";
  Json input = detail::decode_query(route_for(sts, "AssumeRole"), request);
  CHECK(input == Json{{"RoleArn", "r"}, {"RoleSessionName", "s"}, {"DurationSeconds", 3600}});
}

TEST_CASE("query: a value of the wrong type is InvalidParameterValue, naming the parameter", "[protocol][query]") {
  const auto& sts = service("sts");
  auto decode = [&](std::string body) { return detail::decode_query(route_for(sts, "AssumeRole"), form_post(body)); };
  for (std::string bad : {"abc", "9.5", "", "99999999999", "12abc"}) {
    INFO(bad);
    try {
      decode("RoleArn=r&RoleSessionName=s&DurationSeconds=" + bad);
      FAIL("accepted");
    } catch (const AwsError& e) {
      CHECK(e.code == "InvalidParameterValue");
      CHECK(e.http_status == 400);
      CHECK(e.sender_fault);
      CHECK_THAT(e.message(), Catch::Contains("DurationSeconds"));
    }
  }
}

TEST_CASE("ec2: DescribeVpcs form decodes Name.N lists and capitalised locationNames", "[protocol][ec2]") {
  const auto& ec2 = service("ec2");
  Json input = detail::decode_query(
      route_for(ec2, "DescribeVpcs"),
      form_post("Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=x"
                "&Filter.1.Value.2=y&Filter.2.Name=cidr&Filter.2.Value.1=10.0.0.0%2F16&VpcId.1=vpc-1"
                "&DryRun=false&MaxResults=5"));
  CHECK(input == Json{{"Filters",
                       {{{"Name", "tag:Name"}, {"Values", {"x", "y"}}}, {{"Name", "cidr"}, {"Values", {"10.0.0.0/16"}}}}},
                      {"VpcIds", {"vpc-1"}},
                      {"DryRun", false},
                      {"MaxResults", 5}});
}

TEST_CASE("ec2: keys are matched case-sensitively, and .member is not a list step", "[protocol][ec2]") {
  const auto& ec2 = service("ec2");
  Json input = detail::decode_query(route_for(ec2, "DescribeVpcs"),
                                    form_post("vpcId.1=vpc-1&VpcId.member.1=vpc-2&filter.1.Name=x&maxResults=5"));
  CHECK(input == Json::object());
}

TEST_CASE("ec2: a bad boolean is InvalidParameterValue", "[protocol][ec2]") {
  const auto& ec2 = service("ec2");
  CHECK_THROWS_MATCHES(detail::decode_query(route_for(ec2, "DescribeVpcs"), form_post("DryRun=maybe")), AwsError,
                       Catch::Predicate<AwsError>([](const AwsError& e) {
                         return e.code == "InvalidParameterValue" && e.message().find("DryRun") != std::string::npos;
                       }));
}

TEST_CASE("query: flattened lists, maps, flattened maps, timestamps, blobs decode", "[protocol][query]") {
  Route r{&kFlat, kFlat.find_operation("Echo"), Wire::Query, "Echo", {}};
  Json input = detail::decode_query(
      r, form_post("Name.1=a&Name.2=b&Labels.Label.1=l1&Attributes.entry.1.Name=color&Attributes.entry.1.Value=red"
                   "&Flags.1.key=on&Flags.1.value=true&Flags.2.key=off&Flags.2.value=FALSE"
                   "&When=2026-11-23T15%3A54%3A27.5Z&Ratio=0.25&Count=5000000000&Enabled=true"
                   "&Inner.note=hi&Data=aGVsbG8%3D"));
  CHECK(input == Json{{"Names", {"a", "b"}},
                      {"Labels", {"l1"}},
                      {"Attributes", {{"color", "red"}}},
                      {"Flags", {{"on", true}, {"off", false}}},
                      {"When", 1795449267.5},
                      {"Ratio", 0.25},
                      {"Count", 5000000000LL},
                      {"Enabled", true},
                      {"Inner", {{"Note", "hi"}}},
                      {"Data", "aGVsbG8="}});
}

TEST_CASE("query and ec2: what botocore serializes decodes to the parameters it was given", "[protocol][botocore]") {
  SECTION("STS AssumeRole, with an empty list") {
    Json params = {{"RoleArn", "arn:aws:iam::123456789012:role/deploy"},
                   {"RoleSessionName", "s&s=1 + é"},
                   {"DurationSeconds", 900},
                   {"PolicyArns", {{{"arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}},
                   {"Tags", {{{"Key", "team"}, {"Value", "core"}}}},
                   {"TransitiveTagKeys", Json::array()}};
    std::string body = botocore_serialize("sts", "AssumeRole", params);
    CHECK(detail::decode_query(route_for(service("sts"), "AssumeRole"), form_post(body)) == params);
  }
  SECTION("EC2 DescribeVpcs") {
    Json params = {{"Filters", {{{"Name", "tag:Name"}, {"Values", {"x", "y"}}}}},
                   {"VpcIds", {"vpc-1", "vpc-2"}},
                   {"DryRun", false},
                   {"MaxResults", 5}};
    std::string body = botocore_serialize("ec2", "DescribeVpcs", params);
    CHECK(detail::decode_query(route_for(service("ec2"), "DescribeVpcs"), form_post(body)) == params);
  }
  SECTION("the hand-made model: flattened lists and maps, timestamp formats") {
    Json params = {{"Names", {"a", "b"}},       {"Labels", {"l1", "l2"}}, {"Attributes", {{"color", "red"}}},
                   {"Flags", {{"on", true}}},   {"When", 1795449267},     {"Ratio", 0.25},
                   {"Count", 5000000000LL},     {"Enabled", true},        {"Inner", {{"Note", "hi"}}}};
    std::string body = botocore_serialize(kFlatBotocore, "Echo", params);
    Route r{&kFlat, kFlat.find_operation("Echo"), Wire::Query, "Echo", {}};
    CHECK(detail::decode_query(r, form_post(body)) == params);
  }
}

// ---- encoding ----------------------------------------------------------------------------

TEST_CASE("query: AssumeRole output is wrapped, nested and escaped as AWS writes it", "[protocol][query]") {
  const auto& sts = service("sts");
  Json output = {{"Credentials",
                  {{"AccessKeyId", "ASIAEXAMPLE"},
                   {"SecretAccessKey", "s3cr<et>&\"'"},
                   {"SessionToken", "token"},
                   {"Expiration", 1795449267.123}}},
                 {"AssumedRoleUser",
                  {{"AssumedRoleId", "AROAEXAMPLE:s"}, {"Arn", "arn:aws:sts::123456789012:assumed-role/deploy/s"}}},
                 {"PackedPolicySize", 6},
                 {"SourceIdentity", nullptr}};
  HttpResponse response = detail::encode_query_output(route_for(sts, "AssumeRole"), output, "req-1");
  CHECK(response.status == 200);
  CHECK(header(response, "Content-Type") == "text/xml");
  CHECK(response.body ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
        "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/deploy/s</Arn>"
        "<AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>"
        "<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><Expiration>2026-11-23T15:54:27.123Z</Expiration>"
        "<SecretAccessKey>s3cr&lt;et&gt;&amp;&quot;&apos;</SecretAccessKey><SessionToken>token</SessionToken>"
        "</Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>"
        "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></AssumeRoleResponse>");

  Json expected = output;
  expected.erase("SourceIdentity");
  expected["Credentials"]["Expiration"] = "2026-11-23T15:54:27.123000Z";
  expected["ResponseMetadata"] = {{"RequestId", "req-1"}};
  CHECK(botocore_parse("sts", "AssumeRole", response) == expected);
}

TEST_CASE("query: GetCallerIdentity output parses in botocore", "[protocol][query][botocore]") {
  const auto& sts = service("sts");
  Json output = {{"UserId", "AIDAEXAMPLE"}, {"Account", "123456789012"}, {"Arn", "arn:aws:iam::123456789012:user/al"}};
  HttpResponse response = detail::encode_query_output(route_for(sts, "GetCallerIdentity"), output, "req-2");
  Json expected = output;
  expected["ResponseMetadata"] = {{"RequestId", "req-2"}};
  CHECK(botocore_parse("sts", "GetCallerIdentity", response) == expected);
}

TEST_CASE("query: an error is an ErrorResponse botocore reads code, message and type from", "[protocol][query]") {
  const auto& sts = service("sts");
  AwsError error("AccessDenied", "User: arn:aws:iam::1:user/x is not authorized to perform: sts:AssumeRole on <r> & co",
                 403);
  HttpResponse response = detail::encode_query_error(route_for(sts, "AssumeRole"), error, "req-3");
  CHECK(response.status == 403);
  CHECK(header(response, "Content-Type") == "text/xml");
  CHECK(response.body ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
        "<Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x is not authorized to perform: sts:AssumeRole on "
        "&lt;r&gt; &amp; co</Message></Error><RequestId>req-3</RequestId></ErrorResponse>");
  Json expected = {{"Error", {{"Type", "Sender"}, {"Code", "AccessDenied"}, {"Message", error.message()}}},
                   {"ResponseMetadata", {{"RequestId", "req-3"}}}};
  CHECK(botocore_parse("sts", "AssumeRole", response) == expected);

  AwsError failure = internal_failure("boom");
  HttpResponse server = detail::encode_query_error(route_for(sts, "AssumeRole"), failure, "req-4");
  CHECK(server.status == 500);
  CHECK_THAT(server.body, Catch::Contains("<Type>Receiver</Type>"));
}

TEST_CASE("query: an error with no service told is still a well-formed ErrorResponse", "[protocol][query]") {
  Route unknown;
  unknown.wire = Wire::Query;
  unknown.operation_name = "Nope";
  HttpResponse response = detail::encode_query_error(unknown, AwsError("InvalidAction", "no such action"), "req-5");
  CHECK(response.status == 400);
  CHECK(response.body ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>no such action</Message>"
        "</Error><RequestId>req-5</RequestId></ErrorResponse>");
  Json expected = {{"Error", {{"Type", "Sender"}, {"Code", "InvalidAction"}, {"Message", "no such action"}}},
                   {"ResponseMetadata", {{"RequestId", "req-5"}}}};
  CHECK(botocore_parse("sts", "AssumeRole", response) == expected);
}

TEST_CASE("ec2: DescribeVpcs output uses locationNames, item lists and a requestId", "[protocol][ec2]") {
  const auto& ec2 = service("ec2");
  Json output = {{"Vpcs",
                  {{{"CidrBlock", "10.0.0.0/16"},
                    {"VpcId", "vpc-1"},
                    {"State", "available"},
                    {"OwnerId", "123456789012"},
                    {"IsDefault", false},
                    {"CidrBlockAssociationSet",
                     {{{"AssociationId", "vpc-cidr-assoc-1"},
                       {"CidrBlock", "10.0.0.0/16"},
                       {"CidrBlockState", {{"State", "associated"}}}}}},
                    {"Tags", {{{"Key", "Name"}, {"Value", "main & <core>"}}, {{"Key", "env"}, {"Value", ""}}}}}}},
                 {"NextToken", nullptr}};
  HttpResponse response = detail::encode_query_output(route_for(ec2, "DescribeVpcs"), output, "req-6");
  CHECK(response.status == 200);
  CHECK(response.body ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-6</requestId>"
        "<vpcSet><item><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockAssociationSet><item>"
        "<associationId>vpc-cidr-assoc-1</associationId><cidrBlock>10.0.0.0/16</cidrBlock>"
        "<cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet>"
        "<isDefault>false</isDefault><ownerId>123456789012</ownerId><state>available</state><tagSet><item>"
        "<key>Name</key><value>main &amp; &lt;core&gt;</value></item><item><key>env</key><value/></item></tagSet>"
        "<vpcId>vpc-1</vpcId></item></vpcSet>"
        "</DescribeVpcsResponse>");

  Json expected = output;
  expected.erase("NextToken");
  expected["ResponseMetadata"] = {{"RequestId", "req-6"}};
  CHECK(botocore_parse("ec2", "DescribeVpcs", response) == expected);
}

TEST_CASE("ec2: an action with no output answers return true", "[protocol][ec2]") {
  const auto& ec2 = service("ec2");
  HttpResponse response = detail::encode_query_output(route_for(ec2, "DeleteVpc"), Json::object(), "req-7");
  CHECK_THAT(response.body, Catch::EndsWith("<requestId>req-7</requestId><return>true</return></DeleteVpcResponse>"));
}

TEST_CASE("ec2: an error is Response/Errors/Error with a RequestID", "[protocol][ec2]") {
  const auto& ec2 = service("ec2");
  AwsError error("InvalidVpcID.NotFound", "The vpc ID 'vpc-9' does not exist", 400);
  HttpResponse response = detail::encode_query_error(route_for(ec2, "DescribeVpcs"), error, "req-8");
  CHECK(response.status == 400);
  CHECK(response.body ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID &apos;vpc-9&apos; does not "
        "exist</Message></Error></Errors><RequestID>req-8</RequestID></Response>");
  Json expected = {{"Error", {{"Code", "InvalidVpcID.NotFound"}, {"Message", error.message()}}},
                   {"ResponseMetadata", {{"RequestId", "req-8"}}}};
  CHECK(botocore_parse("ec2", "DescribeVpcs", response) == expected);
}

TEST_CASE("query: flattened lists and maps, maps, number and timestamp formats encode", "[protocol][query]") {
  Route r{&kFlat, kFlat.find_operation("Echo"), Wire::Query, "Echo", {}};
  Json output = {{"Names", {"a", "b"}},
                 {"Labels", {"l1"}},
                 {"Attributes", {{"color", "red"}}},
                 {"Flags", {{"on", true}}},
                 {"When", 1795449267},
                 {"Ratio", 0.0000125},
                 {"Count", 5000000000LL},
                 {"Enabled", true},
                 {"Inner", {{"Note", "hi"}}},
                 {"Data", "aGVsbG8="}};
  HttpResponse response = detail::encode_query_output(r, output, "req-9");
  CHECK(response.body ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<EchoResponse xmlns=\"https://flat.example/doc/2020-01-01/\"><EchoResult><Name>a</Name><Name>b</Name>"
        "<Labels><Label>l1</Label></Labels><Attributes><entry><Name>color</Name><Value>red</Value></entry>"
        "</Attributes><Flags><key>on</key><value>true</value></Flags><When>1795449267</When>"
        "<Ratio>0.0000125</Ratio><Count>5000000000</Count><Enabled>true</Enabled><Inner><note>hi</note></Inner>"
        "<Data>aGVsbG8=</Data></EchoResult><ResponseMetadata><RequestId>req-9</RequestId></ResponseMetadata>"
        "</EchoResponse>");
  Json expected = output;
  expected["When"] = "2026-11-23T15:54:27.000000Z";
  expected["ResponseMetadata"] = {{"RequestId", "req-9"}};
  CHECK(botocore_parse(kFlatBotocore, "Echo", response) == expected);
}
