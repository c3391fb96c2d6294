// Telling service, operation and wire from a request, for every wire, and never throwing.
#include <catch2/catch.hpp>
#include <random>

#include "protocol_wire_support.hpp"

using namespace understudy;
using namespace understudy::protocol;
using namespace understudy::protocol::test;

namespace {

HttpRequest request_with(std::string method, std::string target, Headers headers, std::string body = "") {
  HttpRequest request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.headers = std::move(headers);
  request.body = std::move(body);
  return request;
}

AwsError decode_error(const Route& r, const HttpRequest& request) {
  try {
    decode_input(r, request);
  } catch (const AwsError& e) {
    return e;
  }
  FAIL("decoded without error");
  return AwsError("", "");
}

}  // namespace

TEST_CASE("wire names", "[route]") {
  CHECK(std::string(wire_name(Wire::Query)) == "query");
  CHECK(std::string(wire_name(Wire::Ec2)) == "ec2");
  CHECK(std::string(wire_name(Wire::Json10)) == "json-1.0");
  CHECK(std::string(wire_name(Wire::Json11)) == "json-1.1");
  CHECK(std::string(wire_name(Wire::RestJson)) == "rest-json");
  CHECK(std::string(wire_name(Wire::Cbor)) == "smithy-rpc-v2-cbor");
}

TEST_CASE("json routes by X-Amz-Target", "[route]") {
  Route r = route(request_with("POST", "/", {{"x-amz-target", "secretsmanager.GetSecretValue"},
                                             {"content-type", "application/x-amz-json-1.1"}}),
                  "");
  CHECK(r.service == &model_named("secretsmanager"));
  CHECK(r.operation->name == "GetSecretValue");
  CHECK(r.wire == Wire::Json11);

  Route cw = route(request_with("POST", "/", {{"x-amz-target", "GraniteServiceVersion20100801.ListMetrics"},
                                              {"content-type", "application/x-amz-json-1.0"}}),
                   "monitoring");
  CHECK(cw.service == &model_named("monitoring"));
  CHECK(cw.operation->name == "ListMetrics");
  CHECK(cw.wire == Wire::Json10);

  HttpRequest unknown_op = request_with("POST", "/", {{"x-amz-target", "secretsmanager.StealSecret"}}, "{}");
  Route u = route(unknown_op, "");
  CHECK(u.service != nullptr);
  CHECK(u.operation == nullptr);
  CHECK(u.operation_name == "StealSecret");
  AwsError e = decode_error(u, unknown_op);
  CHECK(e.code == "UnknownOperationException");
  CHECK(e.http_status == 400);

  HttpRequest unknown_service = request_with("POST", "/", {{"x-amz-target", "Nope_20200101.Do"}}, "{}");
  Route n = route(unknown_service, "");
  CHECK(n.service == nullptr);
  AwsError ns = decode_error(n, unknown_service);
  CHECK(ns.http_status == 400);
  CHECK_THAT(ns.message(), Catch::Contains("Nope_20200101.Do"));
  // and the error still goes out in the client's wire
  CHECK(header_of(encode_error(n, ns, "r"), "content-type") == "application/x-amz-json-1.1");
}

TEST_CASE("rpc-v2-cbor routes by its path, CloudWatch by the credential scope", "[route]") {
  Headers cbor = {{"smithy-protocol", "rpc-v2-cbor"}, {"content-type", "application/cbor"}};
  Route r = route(request_with("POST", "/service/GraniteServiceVersion20100801/operation/PutMetricData", cbor), "monitoring");
  CHECK(r.wire == Wire::Cbor);
  CHECK(r.service == &model_named("monitoring"));
  CHECK(r.operation->name == "PutMetricData");

  HttpRequest unsigned_request = request_with("POST", "/service/GraniteServiceVersion20100801/operation/PutMetricData", cbor);
  Route u = route(unsigned_request, "");
  CHECK(u.wire == Wire::Cbor);
  CHECK(u.service == nullptr);
  AwsError e = decode_error(u, unsigned_request);
  CHECK(e.code == "UnknownOperationException");
  CHECK(e.http_status == 400);
  CHECK(header_of(encode_error(u, e, "r"), "content-type") == "application/cbor");
}

TEST_CASE("query and ec2 route by Action", "[route]") {
  Headers form = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}};
  Route sts = route(request_with("POST", "/", form, "Action=GetCallerIdentity&Version=2011-06-15"), "");
  CHECK(sts.service == &model_named("sts"));
  CHECK(sts.operation->name == "GetCallerIdentity");
  CHECK(sts.wire == Wire::Query);

  Route ec2 = route(request_with("POST", "/", form, "Action=DescribeVpcs&Version=2016-11-15"), "ec2");
  CHECK(ec2.service == &model_named("ec2"));
  CHECK(ec2.wire == Wire::Ec2);

  Route get = route(request_with("GET", "/?Version=2016-11-15&Action=DescribeRegions", {}), "ec2");
  CHECK(get.wire == Wire::Ec2);
  CHECK(get.operation->name == "DescribeRegions");

  Route cw = route(request_with("POST", "/", form, "Action=ListMetrics&Version=2010-08-01"), "monitoring");
  CHECK(cw.service == &model_named("monitoring"));
  CHECK(cw.wire == Wire::Query);

  HttpRequest bogus = request_with("POST", "/", form, "Action=Frobnicate&Version=2011-06-15");
  Route b = route(bogus, "sts");
  CHECK(b.operation == nullptr);
  CHECK(b.operation_name == "Frobnicate");
  AwsError e = decode_error(b, bogus);
  CHECK(e.code == "InvalidAction");
  CHECK(e.http_status == 400);
}

TEST_CASE("rest-json routes unsigned requests across every rest-json model", "[route]") {
  Route r = route(request_with("GET", "/clusters/demo", {}), "");
  CHECK(r.service == &model_named("eks"));
  CHECK(r.operation->name == "DescribeCluster");
  CHECK(r.uri_labels.at("name") == "demo");
  CHECK(route(request_with("DELETE", "/clusters/demo", {}), "").operation->name == "DeleteCluster");
  CHECK(route(request_with("GET", "/clusters/demo/node-groups/ng-1", {}), "eks").operation->name ==
        "DescribeNodegroup");
  CHECK(route(request_with("PATCH", "/clusters/demo", {}), "eks").operation == nullptr);
}

TEST_CASE("route never throws, whatever arrives", "[route]") {
  std::mt19937 rng(7);
  const char* methods[] = {"GET", "POST", "PUT", "DELETE", "", "\x01"};
  const char* names[] = {"x-amz-target", "content-type", "smithy-protocol", "x"};
  const char* values[] = {"", ".", "a.b", "rpc-v2-cbor", "application/x-www-form-urlencoded", "application/x-amz-json-1.0"};
  const char* targets[] = {"", "/", "//", "/service//operation/", "/service/a/operation/b/c", "/clusters/%", "/?Action=",
                           "/?Action=DescribeVpcs", "/tags/%zz%", "/clusters//updates/", "?", "/a?b=c&&=&"};
  for (int i = 0; i < 3000; ++i) {
    Headers headers;
    for (int h = 0; h < 3; ++h) headers.emplace_back(names[rng() % 4], values[rng() % 6]);
    HttpRequest request = request_with(methods[rng() % 6], targets[rng() % 12], headers, i % 3 ? "Action=X" : "");
    for (const char* signing : {"", "eks", "monitoring", "nope"}) {
      Route r;
      CHECK_NOTHROW(r = route(request, signing));
      try {
        decode_input(r, request);
      } catch (const AwsError&) {
      }
      CHECK_NOTHROW(encode_error(r, AwsError("X", "y"), "r"));
    }
  }
}
