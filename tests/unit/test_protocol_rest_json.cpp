// rest-json against botocore: EKS for URIs, query strings and bodies, and a small
// hand-made model for what EKS never uses (headers, header maps, jsonvalue, payloads,
// status codes).
#include <catch2/catch.hpp>

#include "protocol_wire_support.hpp"

using namespace understudy;
using namespace understudy::protocol;
using namespace understudy::protocol::test;

namespace {

HttpRequest rest(std::string method, std::string target, std::string body = "") {
  HttpRequest request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.headers = {{"content-type", "application/json"}};
  request.body = std::move(body);
  return request;
}

Route eks_route(std::string_view method, std::string target) {
  Route r = route(rest(std::string(method), std::move(target)), "eks");
  REQUIRE(r.operation != nullptr);
  return r;
}

// ---- a hand-made rest-json model -----------------------------------------------------

using model::Ref;
using model::Shape;
using model::Type;
using enum model::Location;
using enum model::TimestampFormat;

constexpr Shape kThingShapes[] = {
    {Type::Structure, 0, Default, 2, 7, "Document"},  // 0 PutThingInput
    {Type::Structure, 0, Default, 9, 4, "Data"},      // 1 PutThingOutput
    {Type::String, 0, Default, 0, 0, ""},             // 2
    {Type::Timestamp, 0, Default, 0, 0, ""},          // 3
    {Type::Map, 0, Default, 13, 2, ""},               // 4 StrMap
    {Type::List, 0, Default, 15, 1, ""},              // 5 IntList
    {Type::Integer, 0, Default, 0, 0, ""},            // 6
    {Type::Structure, 0, Default, 16, 2, ""},         // 7 Doc
    {Type::Blob, 0, Default, 0, 0, ""},               // 8
};
constexpr Ref kThingRefs[] = {
    {"", 0, 0, Body, Default, "", ""},
    {"", 1, 0, Body, Default, "", ""},
    {"Key", 2, model::kRequired, Uri, Default, "Key", ""},
    {"Since", 3, 0, Header, Default, "x-since", ""},
    {"Policy", 2, model::kJsonValue, Header, Default, "x-policy", ""},
    {"Meta", 4, 0, Headers, Default, "x-meta-", ""},
    {"Ids", 5, 0, QueryString, Default, "id", ""},
    {"Filters", 4, 0, QueryString, Default, "", ""},
    {"Document", 7, 0, Body, Default, "", ""},
    {"ETag", 2, 0, Header, Default, "ETag", ""},
    {"Created", 3, 0, Header, Default, "x-created", ""},
    {"Status", 6, 0, StatusCode, Default, "", ""},
    {"Data", 8, 0, Body, Default, "", ""},
    {"", 2, 0, Body, Default, "", ""},  // 13 StrMap key
    {"", 2, 0, Body, Default, "", ""},  // 14 StrMap value
    {"", 6, 0, Body, Default, "", ""},  // 15 IntList member
    {"Title", 2, 0, Body, Default, "title", ""},
    {"Created", 3, 0, Body, Iso8601, "", ""},
};
constexpr model::Operation kThingOperations[] = {{"PutThing", "PUT", "/things/{Key+}?mode=upload", 201, 0, 1, ""}};
const model::Service kThing{"thing", "2020-01-01", "rest-json", "thing", "thing", "", "1.1", "", "Thing",
                            kThingOperations, kThingShapes, kThingRefs};

const Json kThingBotocore = Json::parse(R"({
  "metadata": {"protocol": "rest-json", "apiVersion": "2020-01-01", "endpointPrefix": "thing", "serviceId": "Thing",
               "signatureVersion": "v4", "jsonVersion": "1.1"},
  "operations": {"PutThing": {"name": "PutThing", "http": {"method": "PUT", "requestUri": "/things/{Key+}?mode=upload",
                                                          "responseCode": 201},
                              "input": {"shape": "In"}, "output": {"shape": "Out"}}},
  "shapes": {
    "In": {"type": "structure", "required": ["Key"], "payload": "Document", "members": {
      "Key": {"shape": "Str", "location": "uri", "locationName": "Key"},
      "Since": {"shape": "Ts", "location": "header", "locationName": "x-since"},
      "Policy": {"shape": "Str", "location": "header", "locationName": "x-policy", "jsonvalue": true},
      "Meta": {"shape": "StrMap", "location": "headers", "locationName": "x-meta-"},
      "Ids": {"shape": "IntList", "location": "querystring", "locationName": "id"},
      "Filters": {"shape": "StrMap", "location": "querystring"},
      "Document": {"shape": "Doc"}}},
    "Out": {"type": "structure", "payload": "Data", "members": {
      "ETag": {"shape": "Str", "location": "header", "locationName": "ETag"},
      "Created": {"shape": "Ts", "location": "header", "locationName": "x-created"},
      "Status": {"shape": "Int", "location": "statusCode"},
      "Data": {"shape": "Blb"}}},
    "Doc": {"type": "structure", "members": {"Title": {"shape": "Str", "locationName": "title"},
                                             "Created": {"shape": "Ts", "timestampFormat": "iso8601"}}},
    "Str": {"type": "string"}, "Ts": {"type": "timestamp"}, "Int": {"type": "integer"}, "Blb": {"type": "blob"},
    "StrMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}},
    "IntList": {"type": "list", "member": {"shape": "Int"}}}
})");

}  // namespace

TEST_CASE("rest-json decodes what botocore sends EKS", "[rest-json][botocore]") {
  Route r;
  Json create = decode_botocore_request(
      "eks", "", "CreateCluster",
      {{"name", "demo"},
       {"roleArn", "arn:aws:iam::000000000000:role/eks"},
       {"resourcesVpcConfig", {{"subnetIds", {"subnet-1", "subnet-2"}}, {"endpointPublicAccess", true}}},
       {"tags", {{"team", "core"}}}},
      "eks", &r);
  CHECK(r.wire == Wire::RestJson);
  CHECK(create["name"] == "demo");
  CHECK(create["resourcesVpcConfig"]["subnetIds"] == Json::array({"subnet-1", "subnet-2"}));
  CHECK(create["resourcesVpcConfig"]["endpointPublicAccess"] == true);
  CHECK(create["tags"]["team"] == "core");

  CHECK(decode_botocore_request("eks", "", "DescribeCluster", {{"name", "demo"}}, "eks") == Json{{"name", "demo"}});

  Json list = decode_botocore_request("eks", "", "ListClusters",
                                      {{"maxResults", 10}, {"nextToken", "t/k+n=="}, {"include", {"all", "x y"}}}, "eks");
  CHECK(list == Json{{"maxResults", 10}, {"nextToken", "t/k+n=="}, {"include", {"all", "x y"}}});

  std::string arn = "arn:aws:eks:us-east-1:000000000000:cluster/demo";
  Json tag = decode_botocore_request("eks", "", "TagResource", {{"resourceArn", arn}, {"tags", {{"a", "b"}}}}, "eks", &r);
  CHECK(r.uri_labels.at("resourceArn") == arn);
  CHECK(tag == Json{{"resourceArn", arn}, {"tags", {{"a", "b"}}}});

  Json untag = decode_botocore_request("eks", "", "UntagResource", {{"resourceArn", arn}, {"tagKeys", {"a", "c"}}}, "eks");
  CHECK(untag == Json{{"resourceArn", arn}, {"tagKeys", {"a", "c"}}});
}

TEST_CASE("rest-json routes with or without a trailing slash", "[rest-json]") {
  CHECK(eks_route("GET", "/clusters/demo/").operation->name == "DescribeCluster");
  CHECK(eks_route("POST", "/clusters/").operation->name == "CreateCluster");
  CHECK(eks_route("GET", "/clusters?maxResults=5").operation->name == "ListClusters");
  CHECK(eks_route("GET", "/clusters/demo/updates").operation->name == "ListUpdates");
  Route r = eks_route("POST", "/tags/arn%3Aaws%3Aeks%3Aus-east-1%3A000000000000%3Acluster%2Fdemo");
  CHECK(r.operation->name == "TagResource");
  CHECK(r.uri_labels.at("resourceArn") == "arn:aws:eks:us-east-1:000000000000:cluster/demo");
}

TEST_CASE("rest-json output parses in botocore", "[rest-json][botocore]") {
  Route r = eks_route("GET", "/clusters/demo");
  Json cluster = {{"name", "demo"},
                  {"arn", "arn:aws:eks:us-east-1:000000000000:cluster/demo"},
                  {"createdAt", 1700000000.5},
                  {"version", "1.29"},
                  {"status", "CREATING"},
                  {"resourcesVpcConfig", {{"subnetIds", {"subnet-1"}}, {"endpointPublicAccess", true}}},
                  {"certificateAuthority", {{"data", "LS0tLS1CRUdJTg=="}}},
                  {"tags", {{"team", "core"}}}};
  HttpResponse response = encode_output(r, {{"cluster", cluster}}, "req-7");
  CHECK(response.status == 200);
  CHECK(header_of(response, "content-type") == "application/json");
  Json parsed = botocore_parse("eks", "", "DescribeCluster", response);
  CHECK(parsed["cluster"] == cluster);
  CHECK(parsed["ResponseMetadata"]["RequestId"] == "req-7");

  Route list = eks_route("GET", "/clusters");
  Json clusters = botocore_parse("eks", "", "ListClusters", encode_output(list, {{"clusters", {"a", "b"}}}, "r"));
  CHECK(clusters["clusters"] == Json::array({"a", "b"}));
}

TEST_CASE("rest-json errors parse in botocore", "[rest-json][botocore]") {
  Route r = eks_route("GET", "/clusters/nope");
  HttpResponse response = encode_error(r, AwsError("ResourceNotFoundException", "No cluster found for name: nope.", 404), "r");
  CHECK(response.status == 404);
  CHECK(header_of(response, "x-amzn-errortype") == "ResourceNotFoundException");
  Json parsed = botocore_parse("eks", "", "DescribeCluster", response);
  CHECK(parsed["Error"]["Code"] == "ResourceNotFoundException");
  CHECK(parsed["Error"]["Message"] == "No cluster found for name: nope.");
}

TEST_CASE("rest-json input errors", "[rest-json]") {
  auto error_of = [](HttpRequest request) {
    Route r = route(request, "eks");
    try {
      decode_input(r, request);
    } catch (const AwsError& e) {
      return e;
    }
    FAIL("decoded without error");
    return AwsError("", "");
  };
  AwsError missing = error_of(rest("POST", "/clusters", "{}"));
  CHECK(missing.code == "ValidationException");
  CHECK_THAT(missing.message(), Catch::StartsWith("3 validation errors detected: "));
  CHECK_THAT(missing.message(), Catch::Contains("Value null at 'resourcesVpcConfig'"));

  AwsError malformed = error_of(rest("POST", "/clusters", "{nope"));
  CHECK(malformed.code == "SerializationException");

  AwsError bad_int = error_of(rest("GET", "/clusters?maxResults=ten"));
  CHECK(bad_int.code == "SerializationException");
  CHECK_THAT(bad_int.message(), Catch::Contains("maxResults"));

  AwsError unknown = error_of(rest("GET", "/no/such/path"));
  CHECK(unknown.code == "UnknownOperationException");
  CHECK(unknown.http_status == 404);
}

TEST_CASE("rest-json headers, header maps, jsonvalue, payloads and status codes", "[rest-json][botocore]") {
  HttpRequest request = botocore_request(kThingBotocore, "", "PutThing",
                                         {{"Key", "a/b c.txt"},
                                          {"Since", 1700000000},
                                          {"Policy", {{"allow", {"x", 1}}}},
                                          {"Meta", {{"owner", "me"}}},
                                          {"Ids", {3, 4}},
                                          {"Filters", {{"color", "red"}}},
                                          {"Document", {{"Title", "hello"}, {"Created", "2024-01-01T00:00:00Z"}}}});
  CHECK(request.method == "PUT");
  Route r;
  r.service = &kThing;
  r.operation = &kThing.operations[0];
  r.wire = Wire::RestJson;
  r.operation_name = "PutThing";
  r.uri_labels["Key"] = "a/b c.txt";
  Json input = decode_input(r, request);
  CHECK(input["Key"] == "a/b c.txt");
  CHECK(input["Since"] == 1700000000.0);
  CHECK(input["Policy"] == Json{{"allow", {"x", 1}}});
  CHECK(input["Meta"] == Json{{"owner", "me"}});
  CHECK(input["Ids"] == Json::array({3, 4}));
  CHECK(input["Filters"] == Json{{"color", "red"}});
  CHECK(input["Document"] == Json{{"Title", "hello"}, {"Created", 1704067200.0}});

  HttpResponse response = encode_output(
      r, {{"ETag", "\"abc\""}, {"Created", 1700000000.0}, {"Status", 202}, {"Data", base64_encode("\x01\x02raw")}}, "r");
  CHECK(response.status == 202);
  CHECK(response.body == "\x01\x02raw");
  CHECK(header_of(response, "x-created") == "Tue, 14 Nov 2023 22:13:20 GMT");
  Json parsed = botocore_parse(kThingBotocore, "", "PutThing", response);
  CHECK(parsed["ETag"] == "\"abc\"");
  CHECK(parsed["Created"] == 1700000000.0);
  CHECK(parsed["Status"] == 202);

  HttpResponse plain = encode_output(r, {{"Data", base64_encode("x")}}, "r");
  CHECK(plain.status == 201);
}
