// SigV4: requests signed by botocore itself (the client is the judge) must verify, and any
// change to what was signed must not.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "emulator/auth/canonical_request.hpp"
#include "emulator/auth/sigv4.hpp"
#include "emulator/protocol/url.hpp"
#include "emulator/core/aws_error.hpp"
#include "emulator/core/json.hpp"

using namespace understudy;

namespace {

constexpr const char* kAccessKey = "AKIAIOSFODNN7EXAMPLE";
constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
constexpr double kSignedAt = 1795392000;  // 2026-11-23T00:00:00Z

// Signs one request with botocore's SigV4Auth (or SigV4QueryAuth when "expires" is set)
// at a fixed time and prints what would go on the wire.
constexpr const char* kSigner = R"PY(
import datetime, json, sys
import botocore.auth as auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from urllib.parse import urlsplit

spec = json.load(open(sys.argv[1]))
signed_at = datetime.datetime.fromtimestamp(spec["time"], datetime.timezone.utc).replace(tzinfo=None)
auth.get_current_datetime = lambda: signed_at
request = AWSRequest(spec["method"], spec["url"], data=spec.get("body", "").encode(), headers=spec.get("headers", {}))
credentials = Credentials(spec["access_key"], spec["secret"], spec.get("token"))
if "expires" in spec:
    signer = auth.SigV4QueryAuth(credentials, spec["service"], spec["region"], expires=spec["expires"])
else:
    signer = auth.SigV4Auth(credentials, spec["service"], spec["region"])
signer.add_auth(request)
prepared = request.prepare()
parts = urlsplit(prepared.url)
headers = [[k.lower(), v] for k, v in prepared.headers.items()]
if not any(k == "host" for k, _ in headers):
    headers.append(["host", parts.netloc])
body = prepared.body or b""
if isinstance(body, str):
    body = body.encode()
target = parts.path + ("?" + parts.query if parts.query else "")
print(json.dumps({"method": prepared.method, "target": target, "headers": headers, "body": body.decode()}))
)PY";

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text) {
    char name[] = "/tmp/sigv4-test-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    path = name;
    std::ofstream(path) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  while (auto n = fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
  return out;
}

protocol::HttpRequest sign_with_botocore(Json spec) {
  spec.emplace("time", kSignedAt);
  spec.emplace("access_key", kAccessKey);
  spec.emplace("secret", kSecret);
  spec.emplace("region", "us-east-1");
  spec.emplace("service", "sts");
  static const TempFile script(kSigner);
  TempFile spec_file(spec.dump());
  auto out = run("python3 " + script.path + " " + spec_file.path);
  INFO(out);
  auto wire = Json::parse(out);
  protocol::HttpRequest request;
  request.method = wire["method"];
  request.target = wire["target"];
  request.body = wire["body"];
  for (const auto& h : wire["headers"]) request.headers.emplace_back(h[0], h[1]);
  return request;
}

auth::VerifyOptions options_with(std::string key = kAccessKey, std::string secret = kSecret) {
  auth::VerifyOptions options;
  options.secret_keys[key] = secret;
  return options;
}

std::string error_code_of(const protocol::HttpRequest& request, const auth::VerifyOptions& options, double now) {
  try {
    auth::verify(request, options, now);
  } catch (const AwsError& e) {
    return e.code;
  }
  return "accepted";
}

void set_header(protocol::HttpRequest& request, const std::string& name, const std::string& value) {
  for (auto& [k, v] : request.headers)
    if (k == name) v = value;
}

Json sts_call() {
  return {{"method", "POST"},
          {"url", "http://127.0.0.1:4566/"},
          {"headers", {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}},
          {"body", "Action=GetCallerIdentity&Version=2011-06-15"}};
}

}  // namespace

TEST_CASE("sigv4: AWS's published get-vanilla vector verifies", "[sigv4]") {
  protocol::HttpRequest request;
  request.method = "GET";
  request.target = "/";
  request.headers = {{"host", "example.amazonaws.com"}, {"x-amz-date", "20150830T123600Z"}};
  request.headers.emplace_back(
      "authorization",
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
      "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  auto options = options_with("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  const double signed_at = 1440938160;  // 2015-08-30T12:36:00Z
  CHECK(error_code_of(request, options, signed_at) == "accepted");
  set_header(request, "host", "example2.amazonaws.com");
  CHECK(error_code_of(request, options, signed_at) == "SignatureDoesNotMatch");
}

TEST_CASE("sigv4: a botocore-signed query-protocol call verifies", "[sigv4]") {
  auto request = sign_with_botocore(sts_call());
  CHECK(error_code_of(request, options_with(), kSignedAt) == "accepted");
  CHECK(error_code_of(request, options_with(), kSignedAt + 60) == "accepted");

  auto identity = auth::identify(request);
  CHECK(identity.access_key_id == kAccessKey);
  CHECK(identity.account == "000000000000");
  CHECK(identity.region == "us-east-1");
  CHECK(identity.service == "sts");
}

TEST_CASE("sigv4: tampering with what was signed is caught", "[sigv4]") {
  auto request = sign_with_botocore(sts_call());

  SECTION("body") {
    request.body = "Action=GetCallerIdentity&Version=2011-06-16";
    CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");
  }
  SECTION("signed header") {
    set_header(request, "content-type", "application/json");
    CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");
  }
  SECTION("date") {
    set_header(request, "x-amz-date", "20261123T000001Z");
    CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");
  }
  SECTION("method and path") {
    request.method = "PUT";
    CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");
    request.method = "POST";
    request.target = "/other";
    CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");
  }
  SECTION("wrong secret") {
    CHECK(error_code_of(request, options_with(kAccessKey, "not-the-secret"), kSignedAt) == "SignatureDoesNotMatch");
  }
  SECTION("unknown access key") {
    CHECK(error_code_of(request, options_with("AKIAOTHERKEY00000000"), kSignedAt) == "InvalidClientTokenId");
  }
  SECTION("an unsigned header may change") {
    request.headers.emplace_back("user-agent", "something else");
    CHECK(error_code_of(request, options_with(), kSignedAt) == "accepted");
  }
}

TEST_CASE("sigv4: query strings and paths are canonicalized as botocore signs them", "[sigv4]") {
  Json spec = {{"method", "GET"},
               {"url",
                "http://127.0.0.1:4566/2015-03-31/functions/my%20fn/a%2Fb/invocations?Zeta=1&alpha=a%20b&"
                "alpha=A&plus=%2B&slash=%2F&tilde=~&unicode=%C3%A9&empty="},
               {"service", "lambda"}};
  auto request = sign_with_botocore(spec);
  CHECK(error_code_of(request, options_with(), kSignedAt) == "accepted");

  request.target += "&extra=1";
  CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");
}

TEST_CASE("sigv4: session tokens and unsigned payloads", "[sigv4]") {
  auto spec = sts_call();
  spec["token"] = "FQoGZXIvYXdzEJr//////////wEaDOW2Jsy+token";
  auto request = sign_with_botocore(spec);
  CHECK(error_code_of(request, options_with(), kSignedAt) == "accepted");
  set_header(request, "x-amz-security-token", "another-token");
  CHECK(error_code_of(request, options_with(), kSignedAt) == "SignatureDoesNotMatch");

  spec = sts_call();
  spec["headers"]["X-Amz-Content-SHA256"] = "UNSIGNED-PAYLOAD";
  request = sign_with_botocore(spec);
  request.body = "anything at all";
  CHECK(error_code_of(request, options_with(), kSignedAt) == "accepted");

  // A declared hash is signed, so a body that does not match it is caught on its own.
  spec = sts_call();
  spec["headers"]["X-Amz-Content-SHA256"] = std::string(64, 'a');
  request = sign_with_botocore(spec);
  CHECK(error_code_of(request, options_with(), kSignedAt) == "XAmzContentSHA256Mismatch");
}

TEST_CASE("sigv4: presigned URLs", "[sigv4]") {
  Json spec = {{"method", "GET"},
               {"url", "http://127.0.0.1:4566/?Action=GetCallerIdentity&Version=2011-06-15"},
               {"expires", 300}};
  auto request = sign_with_botocore(spec);
  REQUIRE(request.target.find("X-Amz-Signature=") != std::string::npos);
  CHECK(error_code_of(request, options_with(), kSignedAt + 10) == "accepted");
  CHECK(error_code_of(request, options_with(), kSignedAt + 301) == "AccessDenied");
  CHECK(error_code_of(request, options_with(kAccessKey, "wrong"), kSignedAt) == "SignatureDoesNotMatch");

  auto identity = auth::identify(request);
  CHECK(identity.access_key_id == kAccessKey);
  CHECK(identity.service == "sts");

  auto tampered = request;
  tampered.target.replace(tampered.target.find("GetCallerIdentity"), 17, "GetSessionToken");
  CHECK(error_code_of(tampered, options_with(), kSignedAt) == "SignatureDoesNotMatch");
}

TEST_CASE("sigv4: missing, malformed and stale signatures", "[sigv4]") {
  protocol::HttpRequest unsigned_request{"POST", "/", {{"host", "localhost"}}, "Action=GetCallerIdentity"};
  CHECK(error_code_of(unsigned_request, options_with(), kSignedAt) == "MissingAuthenticationToken");
  CHECK(auth::identify(unsigned_request).access_key_id.empty());
  CHECK(auth::identify(unsigned_request).region.empty());

  auto request = sign_with_botocore(sts_call());
  auto malformed = request;
  set_header(malformed, "authorization",
             "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sts/aws4_request");
  CHECK(error_code_of(malformed, options_with(), kSignedAt) == "IncompleteSignature");
  set_header(malformed, "authorization", "garbage");
  CHECK(error_code_of(malformed, options_with(), kSignedAt) == "IncompleteSignature");
  set_header(malformed, "authorization",
             "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123, SignedHeaders=host, Signature=00");
  CHECK(error_code_of(malformed, options_with(), kSignedAt) == "IncompleteSignature");

  CHECK(error_code_of(request, options_with(), kSignedAt + 16 * 60) == "RequestTimeTooSkewed");
  CHECK(error_code_of(request, options_with(), kSignedAt - 16 * 60) == "RequestTimeTooSkewed");
  try {
    auth::verify(request, options_with(), kSignedAt + 16 * 60);
  } catch (const AwsError& e) {
    CHECK(e.http_status == 403);
    CHECK(e.message() ==
          "Signature expired: 20261123T000000Z is now earlier than 20261123T000100Z "
          "(20261123T001600Z - 15 min.)");
  }
}

TEST_CASE("sigv4: errors carry AWS's codes, statuses and messages", "[sigv4]") {
  auto request = sign_with_botocore(sts_call());
  try {
    auth::verify(request, options_with(kAccessKey, "wrong"), kSignedAt);
    FAIL("accepted a wrong secret");
  } catch (const AwsError& e) {
    CHECK(e.code == "SignatureDoesNotMatch");
    CHECK(e.http_status == 403);
    CHECK(e.message().rfind("The request signature we calculated does not match the signature you provided.", 0) == 0);
  }
  try {
    auth::verify(request, options_with("AKIAOTHER"), kSignedAt);
    FAIL("accepted an unknown key");
  } catch (const AwsError& e) {
    CHECK(e.code == "InvalidClientTokenId");
    CHECK(e.http_status == 403);
    CHECK(e.message() == "The security token included in the request is invalid.");
  }
}

TEST_CASE("sigv4: the account of an access key", "[sigv4]") {
  CHECK(auth::account_of_access_key("123456789012") == "123456789012");
  CHECK(auth::account_of_access_key("AKIAIOSFODNN7EXAMPLE") == "000000000000");
  CHECK(auth::account_of_access_key("12345678901") == "000000000000");
  CHECK(auth::account_of_access_key("12345678901a") == "000000000000");
  CHECK(auth::account_of_access_key("") == "000000000000");

  protocol::HttpRequest request{"POST", "/", {}, ""};
  request.headers = {{"authorization",
                      "AWS4-HMAC-SHA256 Credential=123456789012/20261123/eu-west-1/secretsmanager/aws4_request, "
                      "SignedHeaders=host;x-amz-date, Signature=abc"}};
  auto identity = auth::identify(request);
  CHECK(identity.account == "123456789012");
  CHECK(identity.region == "eu-west-1");
  CHECK(identity.service == "secretsmanager");
}

TEST_CASE("sigv4: canonical pieces", "[sigv4]") {
  CHECK(protocol::percent_encode("a b/c~é", true) == "a%20b/c~%C3%A9");
  CHECK(protocol::percent_encode("a b/c", false) == "a%20b%2Fc");
  CHECK(auth::canonical_uri("") == "/");
  CHECK(auth::canonical_uri("/a/./b/../c//d/") == "/a/c/d/");
  CHECK(auth::canonical_uri("/a%2Fb") == "/a%252Fb");
  CHECK(auth::canonical_query_string("b=2&a=2&a=1&c") == "a=1&a=2&b=2&c=");
  CHECK(auth::canonical_query_string("X-Amz-Signature=s&a=%7e", "X-Amz-Signature") == "a=~");
}
