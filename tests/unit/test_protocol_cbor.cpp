// Our CBOR codec against RFC 8949's own examples and random bytes, and smithy
// rpc-v2-cbor against botocore (CloudWatch, which botocore speaks CBOR to by default).
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "emulator/protocol/cbor.hpp"
#include "protocol_wire_support.hpp"

using namespace understudy;
using namespace understudy::protocol;
using namespace understudy::protocol::test;

namespace {

std::string hex(std::string_view h) {
  std::string out;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16));
  return out;
}

std::string to_hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

Route cloudwatch_route(std::string_view op) {
  HttpRequest request;
  request.method = "POST";
  request.target = "/service/GraniteServiceVersion20100801/operation/" + std::string(op);
  request.headers = {{"smithy-protocol", "rpc-v2-cbor"}, {"content-type", "application/cbor"}};
  Route r = route(request, "monitoring");
  REQUIRE(r.operation != nullptr);
  return r;
}

}  // namespace

TEST_CASE("cbor decodes RFC 8949 appendix A examples", "[cbor]") {
  CHECK(cbor::decode(hex("00")) == 0);
  CHECK(cbor::decode(hex("17")) == 23);
  CHECK(cbor::decode(hex("1818")) == 24);
  CHECK(cbor::decode(hex("1903e8")) == 1000);
  CHECK(cbor::decode(hex("1b000000e8d4a51000")) == 1000000000000);
  CHECK(cbor::decode(hex("20")) == -1);
  CHECK(cbor::decode(hex("3903e7")) == -1000);
  CHECK(cbor::decode(hex("f93e00")) == 1.5);
  CHECK(cbor::decode(hex("f97bff")) == 65504.0);
  CHECK(cbor::decode(hex("f90001")) == Approx(5.960464477539063e-8));
  CHECK(std::isinf(cbor::decode(hex("f9fc00")).get<double>()));
  CHECK(cbor::decode(hex("fa47c35000")) == 100000.0);
  CHECK(cbor::decode(hex("fb3ff199999999999a")) == 1.1);
  CHECK(cbor::decode(hex("f4")) == false);
  CHECK(cbor::decode(hex("f5")) == true);
  CHECK(cbor::decode(hex("f6")).is_null());
  CHECK(cbor::decode(hex("6449455446")) == "IETF");
  CHECK(cbor::decode(hex("62c3bc")) == "\xc3\xbc");
  CHECK(cbor::decode(hex("4401020304")) == Json::binary({1, 2, 3, 4}));
  CHECK(cbor::decode(hex("c11a514b67b0")) == 1363896240);
  CHECK(cbor::decode(hex("c1fb41d452d9ec200000")) == 1363896240.5);
  CHECK(cbor::decode(hex("83010203")) == Json::array({1, 2, 3}));
  CHECK(cbor::decode(hex("a26161016162820203")) == Json{{"a", 1}, {"b", {2, 3}}});
  // indefinite lengths
  CHECK(cbor::decode(hex("9f018202039f0405ffff")) == Json::array({1, {2, 3}, {4, 5}}));
  CHECK(cbor::decode(hex("7f657374726561646d696e67ff")) == "streaming");
  CHECK(cbor::decode(hex("5f42010243030405ff")) == Json::binary({1, 2, 3, 4, 5}));
  CHECK(cbor::decode(hex("bf6346756ef563416d7421ff")) == Json{{"Fun", true}, {"Amt", -2}});
}

TEST_CASE("cbor encodes the shortest form RFC 8949 prefers", "[cbor]") {
  CHECK(to_hex(cbor::encode(0)) == "00");
  CHECK(to_hex(cbor::encode(24)) == "1818");
  CHECK(to_hex(cbor::encode(1000000)) == "1a000f4240");
  CHECK(to_hex(cbor::encode(1000000000000)) == "1b000000e8d4a51000");
  CHECK(to_hex(cbor::encode(-1000)) == "3903e7");
  CHECK(to_hex(cbor::encode(1.5)) == "f93e00");
  CHECK(to_hex(cbor::encode(100000.0)) == "fa47c35000");
  CHECK(to_hex(cbor::encode(1.1)) == "fb3ff199999999999a");
  CHECK(to_hex(cbor::encode("IETF")) == "6449455446");
  CHECK(to_hex(cbor::encode(Json{{"a", 1}})) == "a1616101");
  Json value = {{"list", {1, -2, 3.25, "x", nullptr, true}}, {"map", {{"k", {{"deep", 1e300}}}}}};
  value["bytes"] = Json::binary({0, 255, 7});
  CHECK(cbor::decode(cbor::encode(value)) == value);
}

TEST_CASE("cbor rejects malformed data with DecodeError", "[cbor]") {
  for (std::string_view bad : {"", "18", "1c", "5f01ff", "ff", "0000", "62c3", "9f01", "a16161", "bf616101",
                               "7f4161ff", "5b00000000ffffffff", "9bffffffffffffffff00", "a1016161", "f8", "3bffffffffffffffff"}) {
    INFO(bad);
    CHECK_THROWS_AS(cbor::decode(hex(bad)), cbor::DecodeError);
  }
  CHECK_THROWS_AS(cbor::decode(std::string(10000, '\x81') + "\x01"), cbor::DecodeError);
}

TEST_CASE("cbor survives random and mutated bytes", "[cbor]") {
  std::mt19937 rng(20240611);
  std::string valid = cbor::encode(Json{{"MetricDataQueries", {{{"Id", "q1"}, {"Period", 60}}}}, {"x", 1.5}});
  for (int i = 0; i < 20000; ++i) {
    std::string bytes;
    if (i % 2) {
      bytes.resize(rng() % 48);
      for (char& c : bytes) c = static_cast<char>(rng());
    } else {
      bytes = valid;
      for (int n = 0; n < 3; ++n) bytes[rng() % bytes.size()] = static_cast<char>(rng());
      bytes.resize(rng() % (bytes.size() + 1));
    }
    try {
      cbor::decode(bytes);
    } catch (const cbor::DecodeError&) {
    }
  }
  // and the protocol answers all of it with AWS's error, never anything else
  Route r = cloudwatch_route("ListDashboards");
  for (int i = 0; i < 2000; ++i) {
    HttpRequest request;
    request.method = "POST";
    request.body.resize(1 + rng() % 32);
    for (char& c : request.body) c = static_cast<char>(rng());
    try {
      decode_input(r, request);
    } catch (const AwsError& e) {
      CHECK(e.code == "SerializationException");
      CHECK(e.http_status == 400);
    }
  }
}

TEST_CASE("rpc-v2-cbor decodes what botocore sends CloudWatch", "[cbor][botocore]") {
  Route r;
  Json input = decode_botocore_request(
      "cloudwatch", "smithy-rpc-v2-cbor", "GetMetricData",
      {{"StartTime", 1700000000},
       {"EndTime", "2023-11-14T23:13:20.5Z"},
       {"MaxDatapoints", 100},
       {"MetricDataQueries",
        {{{"Id", "cpu"},
          {"MetricStat",
           {{"Metric",
             {{"Namespace", "AWS/RDS"},
              {"MetricName", "CPUUtilization"},
              {"Dimensions", {{{"Name", "DBInstanceIdentifier"}, {"Value", "db-1"}}}}}},
            {"Period", 60},
            {"Stat", "Average"}}},
          {"ReturnData", true}}}}},
      "monitoring", &r);
  CHECK(r.wire == Wire::Cbor);
  CHECK(r.service->name == "monitoring");
  CHECK(input["StartTime"] == 1700000000.0);
  // botocore sends whole seconds over CBOR
  CHECK(input["EndTime"].get<double>() == Approx(1700003600.0).margin(1.0));
  CHECK(input["MaxDatapoints"] == 100);
  CHECK(input["MetricDataQueries"][0]["MetricStat"]["Metric"]["Dimensions"][0]["Value"] == "db-1");
  CHECK(input["MetricDataQueries"][0]["ReturnData"] == true);
}

TEST_CASE("rpc-v2-cbor output parses in botocore, timestamps and blobs intact", "[cbor][botocore]") {
  Route r = cloudwatch_route("GetMetricData");
  Json output = {{"MetricDataResults",
                  {{{"Id", "cpu"},
                    {"Label", "CPUUtilization"},
                    {"Timestamps", {1700000000.0, 1700000060.25}},
                    {"Values", {12.5, 0.1, 1e300}},
                    {"StatusCode", "Complete"}}}},
                 {"Messages", Json::array()}};
  HttpResponse response = encode_output(r, output, "req-1");
  CHECK(response.status == 200);
  CHECK(header_of(response, "content-type") == "application/cbor");
  CHECK(header_of(response, "smithy-protocol") == "rpc-v2-cbor");
  Json parsed = botocore_parse("cloudwatch", "smithy-rpc-v2-cbor", "GetMetricData", response);
  const Json& result = parsed["MetricDataResults"][0];
  CHECK(result["Id"] == "cpu");
  CHECK(result["Timestamps"] == Json::array({1700000000.0, 1700000060.25}));
  CHECK(result["Values"] == Json::array({12.5, 0.1, 1e300}));
  CHECK(parsed["ResponseMetadata"]["RequestId"] == "req-1");

  Route image = cloudwatch_route("GetMetricWidgetImage");
  Json png = botocore_parse("cloudwatch", "smithy-rpc-v2-cbor", "GetMetricWidgetImage",
                            encode_output(image, {{"MetricWidgetImage", base64_encode("\x89PNG\r\n\0x")}}, "r"));
  CHECK(png["MetricWidgetImage"] == base64_encode("\x89PNG\r\n\0x"));
}

TEST_CASE("rpc-v2-cbor errors carry the query code CloudWatch clients expect", "[cbor][botocore]") {
  Route r = cloudwatch_route("DeleteDashboards");
  HttpResponse response = encode_error(r, AwsError("ResourceNotFound", "Dashboard x does not exist", 404), "req-2");
  CHECK(response.status == 404);
  CHECK(header_of(response, "x-amzn-query-error") == "ResourceNotFound;Sender");
  Json parsed = botocore_parse("cloudwatch", "smithy-rpc-v2-cbor", "DeleteDashboards", response);
  CHECK(parsed["Error"]["Code"] == "ResourceNotFound");
  CHECK(parsed["Error"]["Message"] == "Dashboard x does not exist");
  CHECK(parsed["ResponseMetadata"]["RequestId"] == "req-2");
}

TEST_CASE("rpc-v2-cbor input errors", "[cbor]") {
  Route r = cloudwatch_route("PutMetricData");
  HttpRequest request;
  request.method = "POST";
  request.body = hex("a1");  // a map that never arrives
  try {
    decode_input(r, request);
    FAIL("decoded a truncated body");
  } catch (const AwsError& e) {
    CHECK(e.code == "SerializationException");
    CHECK(e.http_status == 400);
    CHECK_THAT(e.message(), Catch::Contains("not valid CBOR"));
  }
  request.body = cbor::encode(Json::object());
  try {
    decode_input(r, request);
    FAIL("accepted PutMetricData without Namespace");
  } catch (const AwsError& e) {
    CHECK(e.code == "ValidationException");
    CHECK_THAT(e.message(), Catch::Contains("Value null at 'namespace' failed to satisfy constraint"));
  }
}
