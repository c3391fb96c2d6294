// AWS json 1.0/1.1 against botocore: Secrets Manager (json 1.1) and CloudWatch over
// json 1.0, where error codes travel in x-amzn-query-error.
#include <catch2/catch.hpp>

#include "protocol_wire_support.hpp"

using namespace understudy;
using namespace understudy::protocol;
using namespace understudy::protocol::test;

namespace {

HttpRequest json_request(std::string target, std::string body, std::string content_type = "application/x-amz-json-1.1") {
  HttpRequest request;
  request.method = "POST";
  request.target = "/";
  request.headers = {{"x-amz-target", std::move(target)}, {"content-type", std::move(content_type)}};
  request.body = std::move(body);
  return request;
}

AwsError decode_error(const HttpRequest& request, std::string_view signing_service = "") {
  Route r = route(request, signing_service);
  try {
    decode_input(r, request);
  } catch (const AwsError& e) {
    return e;
  }
  FAIL("the request decoded without error");
  return AwsError("", "");
}

}  // namespace

TEST_CASE("json decodes what botocore sends Secrets Manager", "[json][botocore]") {
  Route r;
  Json input = decode_botocore_request(
      "secretsmanager", "", "CreateSecret",
      {{"Name", "db/password"},
       {"SecretBinary", "raw\x01 bytes"},
       {"Tags", {{{"Key", "env"}, {"Value", "dev"}}}},
       {"ForceOverwriteReplicaSecret", false}},
      "secretsmanager", &r);
  CHECK(r.wire == Wire::Json11);
  CHECK(input["Name"] == "db/password");
  CHECK(input["SecretBinary"] == base64_encode("raw\x01 bytes"));
  CHECK(input["Tags"][0] == Json{{"Key", "env"}, {"Value", "dev"}});
  CHECK(input["ForceOverwriteReplicaSecret"] == false);
}

TEST_CASE("json output parses in botocore with its timestamps", "[json][botocore]") {
  Route r = route(json_request("secretsmanager.DescribeSecret", "{}"), "");
  REQUIRE(r.operation != nullptr);
  Json output = {{"ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf"},
                 {"Name", "db"},
                 {"CreatedDate", 1700000000.125},
                 {"LastChangedDate", 1700000100.0},
                 {"RotationEnabled", true},
                 {"RotationRules", {{"AutomaticallyAfterDays", 30}}},
                 {"Tags", {{{"Key", "env"}, {"Value", "dev"}}}},
                 {"VersionIdsToStages", {{"v1", {"AWSCURRENT"}}}},
                 {"Description", nullptr}};
  HttpResponse response = encode_output(r, output, "req-1");
  CHECK(response.status == 200);
  CHECK(header_of(response, "content-type") == "application/x-amz-json-1.1");
  CHECK(header_of(response, "x-amzn-requestid") == "req-1");
  CHECK(Json::parse(response.body).contains("Description") == false);
  Json parsed = botocore_parse("secretsmanager", "", "DescribeSecret", response);
  CHECK(parsed["CreatedDate"] == 1700000000.125);
  CHECK(parsed["LastChangedDate"] == 1700000100.0);
  CHECK(parsed["RotationRules"]["AutomaticallyAfterDays"] == 30);
  CHECK(parsed["VersionIdsToStages"]["v1"] == Json::array({"AWSCURRENT"}));
  CHECK(parsed["ResponseMetadata"]["RequestId"] == "req-1");
}

TEST_CASE("json errors parse in botocore", "[json][botocore]") {
  Route r = route(json_request("secretsmanager.GetSecretValue", "{}"), "");
  HttpResponse response =
      encode_error(r, AwsError("ResourceNotFoundException", "Secrets Manager can't find the specified secret."), "r");
  CHECK(response.status == 400);
  CHECK(header_of(response, "x-amzn-query-error").empty());
  Json parsed = botocore_parse("secretsmanager", "", "GetSecretValue", response);
  CHECK(parsed["Error"]["Code"] == "ResourceNotFoundException");
  CHECK(parsed["Error"]["Message"] == "Secrets Manager can't find the specified secret.");
}

TEST_CASE("json input errors use AWS's codes and messages", "[json]") {
  AwsError malformed = decode_error(json_request("secretsmanager.DescribeSecret", "{\"SecretId\": "));
  CHECK(malformed.code == "SerializationException");
  CHECK(malformed.http_status == 400);

  AwsError not_object = decode_error(json_request("secretsmanager.DescribeSecret", "[1]"));
  CHECK(not_object.code == "SerializationException");

  AwsError missing = decode_error(json_request("secretsmanager.DescribeSecret", ""));
  CHECK(missing.code == "ValidationException");
  CHECK(missing.message() ==
        "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");

  AwsError two = decode_error(json_request("secretsmanager.PutResourcePolicy", "{}"));
  CHECK_THAT(two.message(), Catch::StartsWith("2 validation errors detected: Value null at '"));
  CHECK_THAT(two.message(), Catch::Contains("; Value null at '"));

  AwsError nested = decode_error(json_request("GraniteServiceVersion20100801.PutMetricData",
                                              R"({"Namespace":"App","MetricData":[{"Value":1}]})",
                                              "application/x-amz-json-1.0"),
                                 "monitoring");
  CHECK(nested.message() ==
        "1 validation error detected: Value null at 'metricData.1.member.metricName' failed to satisfy constraint: "
        "Member must not be null");

  AwsError type = decode_error(json_request("secretsmanager.DescribeSecret", R"({"SecretId": 42})"));
  CHECK(type.code == "SerializationException");
  CHECK_THAT(type.message(), Catch::Contains("'secretId'"));

  AwsError integral = decode_error(json_request("secretsmanager.ListSecrets", R"({"MaxResults": 1.5})"));
  CHECK(integral.code == "SerializationException");
}

TEST_CASE("json drops unknown members and nulls, accepts an empty body", "[json]") {
  HttpRequest request = json_request("secretsmanager.ListSecrets", R"({"MaxResults": 5, "Bogus": 1, "NextToken": null})");
  Json input = decode_input(route(request, ""), request);
  CHECK(input == Json{{"MaxResults", 5}});
  HttpRequest empty = json_request("secretsmanager.ListSecrets", "");
  CHECK(decode_input(route(empty, ""), empty) == Json::object());
}

TEST_CASE("CloudWatch over json 1.0: timestamps in either form, query error codes", "[json][botocore]") {
  HttpRequest request = json_request("GraniteServiceVersion20100801.GetMetricStatistics",
                                     R"({"Namespace":"AWS/RDS","MetricName":"CPUUtilization","Period":60,
                                         "StartTime":"2024-01-01T00:00:00Z","EndTime":1704070800.5,
                                         "Statistics":["Average"]})",
                                     "application/x-amz-json-1.0");
  Route r = route(request, "monitoring");
  REQUIRE(r.operation != nullptr);
  CHECK(r.wire == Wire::Json10);
  Json input = decode_input(r, request);
  CHECK(input["StartTime"] == 1704067200.0);
  CHECK(input["EndTime"] == 1704070800.5);

  HttpResponse ok = encode_output(r, {{"Label", "CPUUtilization"},
                                      {"Datapoints", {{{"Timestamp", 1704067200.0}, {"Average", 3.5}, {"Unit", "Percent"}}}}},
                                  "r");
  CHECK(header_of(ok, "content-type") == "application/x-amz-json-1.0");
  Json parsed = botocore_parse("cloudwatch", "json", "GetMetricStatistics", ok);
  CHECK(parsed["Datapoints"][0]["Timestamp"] == 1704067200.0);
  CHECK(parsed["Datapoints"][0]["Average"] == 3.5);

  HttpResponse error = encode_error(r, AwsError("InvalidParameterValue", "Period must be a multiple of 60"), "r");
  CHECK(header_of(error, "x-amzn-query-error") == "InvalidParameterValue;Sender");
  Json parsed_error = botocore_parse("cloudwatch", "json", "GetMetricStatistics", error);
  CHECK(parsed_error["Error"]["Code"] == "InvalidParameterValue");
  CHECK(parsed_error["Error"]["Type"] == "Sender");
}

TEST_CASE("json decodes what botocore sends CloudWatch over json 1.0", "[json][botocore]") {
  Route r;
  Json input = decode_botocore_request("cloudwatch", "json", "PutMetricAlarm",
                                       {{"AlarmName", "cpu-high"},
                                        {"MetricName", "CPUUtilization"},
                                        {"Namespace", "AWS/RDS"},
                                        {"Statistic", "Average"},
                                        {"Period", 60},
                                        {"EvaluationPeriods", 3},
                                        {"Threshold", 80.5},
                                        {"ComparisonOperator", "GreaterThanThreshold"}},
                                       "monitoring", &r);
  CHECK(r.wire == Wire::Json10);
  CHECK(input["Threshold"] == 80.5);
  CHECK(input["EvaluationPeriods"] == 3);
}
