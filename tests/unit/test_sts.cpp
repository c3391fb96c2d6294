// STS called as the dispatcher calls it: JSON in, JSON out, against an in-memory store.
#include <catch2/catch.hpp>

#include <string>

#include "emulator/core/base64.hpp"
#include "emulator/state/store.hpp"
#include "services/sts/credentials.hpp"
#include "services/sts/sts.hpp"

using namespace understudy;

namespace {

constexpr double kNow = 1795392000;  // 2026-11-23T00:00:00Z
const std::string kRole = "arn:aws:iam::123456789012:role/deploy/ci-runner";

struct Fixture {
  state::Store store{":memory:"};
  sts::Sts sts{store};

  RequestContext ctx(const std::string& access_key = "AKIAIOSFODNN7EXAMPLE", std::string account = "000000000000") {
    RequestContext c;
    c.account = std::move(account);
    c.access_key_id = access_key;
    c.now = kNow;
    c.request_id = "req";
    return c;
  }

  Json call(const std::string& op, const Json& input, const RequestContext& c) { return sts.call(op, input, c); }
  Json call(const std::string& op, const Json& input) { return call(op, input, ctx()); }

  // The error code of a call that must fail.
  std::string error_of(const std::string& op, const Json& input, const RequestContext& c) {
    try {
      call(op, input, c);
    } catch (const AwsError& e) {
      last_message = e.message();
      last_status = e.http_status;
      return e.code;
    }
    return "succeeded";
  }
  std::string error_of(const std::string& op, const Json& input) { return error_of(op, input, ctx()); }

  std::string last_message;
  int last_status = 0;
};

std::string base64url(const std::string& text) {
  auto b64 = base64_encode(text);
  for (auto& c : b64) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!b64.empty() && b64.back() == '=') b64.pop_back();
  return b64;
}

std::string jwt(const Json& claims) {
  return base64url(R"({"alg":"RS256","typ":"JWT"})") + "." + base64url(claims.dump()) + ".c2lnbmF0dXJl";
}

}  // namespace

TEST_CASE("sts: GetCallerIdentity of a plain key is the account's root", "[sts]") {
  Fixture f;
  auto out = f.call("GetCallerIdentity", Json::object());
  CHECK(out["Account"] == "000000000000");
  CHECK(out["Arn"] == "arn:aws:iam::000000000000:root");
  CHECK(out["UserId"] == "000000000000");

  out = f.call("GetCallerIdentity", Json::object(), f.ctx("123456789012", "123456789012"));
  CHECK(out["Account"] == "123456789012");
  CHECK(out["Arn"] == "arn:aws:iam::123456789012:root");

  auto china = f.ctx("123456789012", "123456789012");
  china.region = "cn-north-1";
  CHECK(f.call("GetCallerIdentity", Json::object(), china)["Arn"] == "arn:aws-cn:iam::123456789012:root");
}

TEST_CASE("sts: AssumeRole issues credentials that identify as the role", "[sts]") {
  Fixture f;
  auto out = f.call("AssumeRole", {{"RoleArn", kRole}, {"RoleSessionName", "build-42"}});
  const auto& creds = out["Credentials"];
  std::string key = creds["AccessKeyId"];
  CHECK(key.size() == 20);
  CHECK(key.rfind("ASIA", 0) == 0);
  CHECK(creds["SecretAccessKey"].get<std::string>().size() == 40);
  CHECK(creds["SessionToken"].get<std::string>().size() > 100);
  CHECK(creds["Expiration"] == kNow + 3600);
  CHECK(out["AssumedRoleUser"]["Arn"] == "arn:aws:sts::123456789012:assumed-role/ci-runner/build-42");
  std::string role_id = out["AssumedRoleUser"]["AssumedRoleId"];
  CHECK(role_id.rfind("AROA", 0) == 0);
  CHECK(role_id.ends_with(":build-42"));
  CHECK_FALSE(out.contains("PackedPolicySize"));

  // The same role keeps its id across sessions.
  auto again = f.call("AssumeRole", {{"RoleArn", kRole}, {"RoleSessionName", "other"}});
  CHECK(again["AssumedRoleUser"]["AssumedRoleId"].get<std::string>().substr(0, 21) == role_id.substr(0, 21));
  CHECK(again["Credentials"]["AccessKeyId"] != key);

  // The caller's key is not the role's account: the key itself says whose it is.
  auto me = f.call("GetCallerIdentity", Json::object(), f.ctx(key));
  CHECK(me["Account"] == "123456789012");
  CHECK(me["Arn"] == "arn:aws:sts::123456789012:assumed-role/ci-runner/build-42");
  CHECK(me["UserId"] == role_id);

  CHECK(f.call("GetAccessKeyInfo", {{"AccessKeyId", key}})["Account"] == "123456789012");
  CHECK(sts::account_encoded_in(key) == "123456789012");
  CHECK(sts::issued_secret_key(f.store, key, kNow) == creds["SecretAccessKey"].get<std::string>());
  CHECK_FALSE(sts::issued_secret_key(f.store, key, kNow + 3600));
}

TEST_CASE("sts: credentials expire on the emulator clock", "[sts]") {
  Fixture f;
  auto out = f.call("AssumeRole", {{"RoleArn", kRole}, {"RoleSessionName", "s1"}, {"DurationSeconds", 900}});
  std::string key = out["Credentials"]["AccessKeyId"];
  CHECK(out["Credentials"]["Expiration"] == kNow + 900);
  auto later = f.ctx(key);
  later.now = kNow + 901;
  CHECK(f.error_of("GetCallerIdentity", Json::object(), later) == "ExpiredToken");
  CHECK(f.last_status == 403);
  CHECK(f.last_message == "The security token included in the request is expired");
}

TEST_CASE("sts: AssumeRole validates its input as AWS does", "[sts]") {
  Fixture f;
  auto with = [](Json extra) {
    Json input = {{"RoleArn", kRole}, {"RoleSessionName", "s1"}};
    input.update(extra);
    return input;
  };
  CHECK(f.error_of("AssumeRole", with({{"RoleArn", "arn:aws:iam::123456789012:user/bob"}})) == "ValidationError");
  CHECK(f.error_of("AssumeRole", with({{"RoleArn", "arn:aws:iam::12345:role/x-is-long-enough"}})) ==
        "ValidationError");
  CHECK(f.error_of("AssumeRole", with({{"RoleArn", "arn:aws:s3:::bucket-name-long"}})) == "ValidationError");
  CHECK(f.error_of("AssumeRole", with({{"RoleArn", "short"}})) == "ValidationError");
  CHECK(f.last_message ==
        "1 validation error detected: Value 'short' at 'roleArn' failed to satisfy constraint: Member must have "
        "length greater than or equal to 20");

  CHECK(f.error_of("AssumeRole", with({{"RoleSessionName", "has space"}})) == "ValidationError");
  CHECK(f.last_message ==
        "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member "
        "must satisfy regular expression pattern: [\\w+=,.@-]*");
  CHECK(f.error_of("AssumeRole", with({{"RoleSessionName", "x"}})) == "ValidationError");
  CHECK(f.error_of("AssumeRole", with({{"RoleSessionName", std::string(65, 'a')}})) == "ValidationError");
  CHECK(f.call("AssumeRole", with({{"RoleSessionName", "a.b@c=d,e+f-g_h"}})).contains("Credentials"));

  CHECK(f.error_of("AssumeRole", with({{"DurationSeconds", 899}})) == "ValidationError");
  CHECK(f.error_of("AssumeRole", with({{"DurationSeconds", 43201}})) == "ValidationError");
  CHECK(f.call("AssumeRole", with({{"DurationSeconds", 43200}}))["Credentials"]["Expiration"] == kNow + 43200);

  // Two violations are reported together.
  CHECK(f.error_of("AssumeRole", with({{"RoleSessionName", "x"}, {"DurationSeconds", 1}})) == "ValidationError");
  CHECK(f.last_message.rfind("2 validation errors detected: ", 0) == 0);

  CHECK(f.error_of("AssumeRole", {{"RoleSessionName", "s1"}}) == "ValidationError");
  CHECK(f.last_message.find("Value null at 'roleArn'") != std::string::npos);

  CHECK(f.error_of("AssumeRole", with({{"ExternalId", "x"}})) == "ValidationError");
  CHECK(f.call("AssumeRole", with({{"ExternalId", "partner-123:abc"}})).contains("Credentials"));
  CHECK(f.error_of("AssumeRole", with({{"TokenCode", "12345a"}, {"SerialNumber", "arn:aws:iam::1:mfa/u"}})) ==
        "ValidationError");
}

TEST_CASE("sts: session policies and tags", "[sts]") {
  Fixture f;
  Json input = {{"RoleArn", kRole}, {"RoleSessionName", "s1"}};
  auto with_policy = [&](const std::string& policy) {
    Json i = input;
    i["Policy"] = policy;
    return i;
  };
  auto out = f.call("AssumeRole",
                    with_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})"));
  CHECK(out["PackedPolicySize"].get<int>() > 0);
  CHECK(out["PackedPolicySize"].get<int>() <= 100);

  CHECK(f.error_of("AssumeRole", with_policy("{not json")) == "MalformedPolicyDocument");
  CHECK(f.error_of("AssumeRole", with_policy(R"({"Version":"2012-10-17"})")) == "MalformedPolicyDocument");
  CHECK(f.error_of("AssumeRole", with_policy(std::string(2049, ' '))) == "ValidationError");

  Json tagged = input;
  tagged["Tags"] = Json::array({{{"Key", "team"}, {"Value", "payments"}}, {{"Key", "env"}, {"Value", "ci"}}});
  CHECK(f.call("AssumeRole", tagged).contains("PackedPolicySize"));
  tagged["Tags"].push_back({{"Key", "TEAM"}, {"Value", "dup"}});
  CHECK(f.error_of("AssumeRole", tagged) == "ValidationError");

  Json too_many = input;
  too_many["Tags"] = Json::array();
  for (int i = 0; i < 51; ++i) too_many["Tags"].push_back({{"Key", "k" + std::to_string(i)}, {"Value", "v"}});
  CHECK(f.error_of("AssumeRole", too_many) == "ValidationError");
}

TEST_CASE("sts: role chaining is limited to one hour", "[sts]") {
  Fixture f;
  auto first = f.call("AssumeRole", {{"RoleArn", kRole}, {"RoleSessionName", "s1"}});
  auto chained_ctx = f.ctx(first["Credentials"]["AccessKeyId"]);
  const std::string other_role = "arn:aws:iam::210987654321:role/reader";
  CHECK(f.error_of("AssumeRole", {{"RoleArn", other_role}, {"RoleSessionName", "s2"}, {"DurationSeconds", 7200}},
                   chained_ctx) == "ValidationError");
  auto second = f.call("AssumeRole", {{"RoleArn", other_role}, {"RoleSessionName", "s2"}}, chained_ctx);
  auto me = f.call("GetCallerIdentity", Json::object(), f.ctx(second["Credentials"]["AccessKeyId"]));
  CHECK(me["Arn"] == "arn:aws:sts::210987654321:assumed-role/reader/s2");
  CHECK(me["Account"] == "210987654321");
}

TEST_CASE("sts: AssumeRoleWithWebIdentity reads the token's claims", "[sts]") {
  Fixture f;
  auto token = jwt({{"iss", "https://oidc.eks.us-east-1.amazonaws.com/id/ABC"},
                    {"sub", "system:serviceaccount:default:app"},
                    {"aud", "sts.amazonaws.com"},
                    {"exp", kNow + 600}});
  Json input = {{"RoleArn", kRole}, {"RoleSessionName", "pod"}, {"WebIdentityToken", token}};
  auto out = f.call("AssumeRoleWithWebIdentity", input, f.ctx(""));
  CHECK(out["SubjectFromWebIdentityToken"] == "system:serviceaccount:default:app");
  CHECK(out["Audience"] == "sts.amazonaws.com");
  CHECK(out["Provider"] == "https://oidc.eks.us-east-1.amazonaws.com/id/ABC");
  CHECK(out["AssumedRoleUser"]["Arn"] == "arn:aws:sts::123456789012:assumed-role/ci-runner/pod");
  auto me = f.call("GetCallerIdentity", Json::object(), f.ctx(out["Credentials"]["AccessKeyId"]));
  CHECK(me["Arn"] == "arn:aws:sts::123456789012:assumed-role/ci-runner/pod");

  input["WebIdentityToken"] = jwt({{"iss", "https://idp"}, {"sub", "u"}, {"aud", Json::array({"a1", "a2"})}});
  CHECK(f.call("AssumeRoleWithWebIdentity", input)["Audience"] == "a1");

  input["WebIdentityToken"] = "not-a-jwt";
  CHECK(f.error_of("AssumeRoleWithWebIdentity", input) == "InvalidIdentityToken");
  input["WebIdentityToken"] = "abc.def.ghi";
  CHECK(f.error_of("AssumeRoleWithWebIdentity", input) == "InvalidIdentityToken");
  input["WebIdentityToken"] = jwt({{"iss", "https://idp"}, {"aud", "x"}});
  CHECK(f.error_of("AssumeRoleWithWebIdentity", input) == "InvalidIdentityToken");
  input["WebIdentityToken"] = jwt({{"iss", "https://idp"}, {"sub", "u"}, {"aud", "x"}, {"exp", kNow - 1}});
  CHECK(f.error_of("AssumeRoleWithWebIdentity", input) == "ExpiredTokenException");
}

TEST_CASE("sts: AssumeRoleWithSAML reads the assertion", "[sts]") {
  Fixture f;
  std::string xml = R"(<?xml version="1.0"?>
<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
  <saml:Issuer>https://idp.example.com/saml</saml:Issuer>
  <saml:Assertion>
    <saml:Issuer>https://idp.example.com/saml</saml:Issuer>
    <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">alice</saml:NameID></saml:Subject>
    <saml:Conditions><saml:AudienceRestriction><saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience></saml:AudienceRestriction></saml:Conditions>
    <saml:AttributeStatement>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>arn:aws:iam::123456789012:role/deploy/ci-runner,arn:aws:iam::123456789012:saml-provider/Corp</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>alice@example.com</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/SessionDuration"><saml:AttributeValue>1800</saml:AttributeValue></saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>)";
  Json input = {{"RoleArn", kRole},
                {"PrincipalArn", "arn:aws:iam::123456789012:saml-provider/Corp"},
                {"SAMLAssertion", base64_encode(xml)}};
  auto out = f.call("AssumeRoleWithSAML", input, f.ctx(""));
  CHECK(out["Subject"] == "alice");
  CHECK(out["SubjectType"] == "persistent");
  CHECK(out["Issuer"] == "https://idp.example.com/saml");
  CHECK(out["Audience"] == "https://signin.aws.amazon.com/saml");
  CHECK(out["AssumedRoleUser"]["Arn"] == "arn:aws:sts::123456789012:assumed-role/ci-runner/alice@example.com");
  CHECK(out["Credentials"]["Expiration"] == kNow + 1800);
  CHECK(out["NameQualifier"].get<std::string>().size() == 28);  // base64 of a SHA-1

  input["SAMLAssertion"] = "%%%not base64%%%";
  CHECK(f.error_of("AssumeRoleWithSAML", input) == "InvalidIdentityToken");
  input["SAMLAssertion"] = base64_encode("<samlp:Response><saml:Assertion></saml:Assertion></samlp:Response>");
  CHECK(f.error_of("AssumeRoleWithSAML", input) == "InvalidIdentityToken");
  input["SAMLAssertion"] = base64_encode(xml);
  input["PrincipalArn"] = "arn:aws:iam::123456789012:role/not-a-provider";
  CHECK(f.error_of("AssumeRoleWithSAML", input) == "ValidationError");
}

TEST_CASE("sts: GetSessionToken and GetFederationToken", "[sts]") {
  Fixture f;
  auto root = f.ctx("123456789012", "123456789012");
  auto session = f.call("GetSessionToken", {{"DurationSeconds", 7200}}, root);
  // Root sessions are capped at one hour.
  CHECK(session["Credentials"]["Expiration"] == kNow + 3600);
  auto session_key = session["Credentials"]["AccessKeyId"].get<std::string>();
  auto me = f.call("GetCallerIdentity", Json::object(), f.ctx(session_key));
  CHECK(me["Arn"] == "arn:aws:iam::123456789012:root");
  CHECK(me["Account"] == "123456789012");
  CHECK(f.error_of("GetSessionToken", Json::object(), f.ctx(session_key)) == "AccessDenied");
  CHECK(f.error_of("GetSessionToken", {{"DurationSeconds", 600}}, root) == "ValidationError");
  CHECK(f.error_of("GetSessionToken", {{"TokenCode", "12"}}, root) == "ValidationError");

  auto fed = f.call("GetFederationToken", {{"Name", "bob"}}, root);
  CHECK(fed["FederatedUser"]["Arn"] == "arn:aws:sts::123456789012:federated-user/bob");
  CHECK(fed["FederatedUser"]["FederatedUserId"] == "123456789012:bob");
  me = f.call("GetCallerIdentity", Json::object(), f.ctx(fed["Credentials"]["AccessKeyId"]));
  CHECK(me["Arn"] == "arn:aws:sts::123456789012:federated-user/bob");
  CHECK(me["UserId"] == "123456789012:bob");
  CHECK(f.error_of("GetFederationToken", {{"Name", "b"}}, root) == "ValidationError");
  CHECK(f.error_of("GetFederationToken", {{"Name", "bob"}, {"Policy", "[]"}}, root) == "MalformedPolicyDocument");
}

TEST_CASE("sts: GetAccessKeyInfo", "[sts]") {
  Fixture f;
  CHECK(f.call("GetAccessKeyInfo", {{"AccessKeyId", "AKIAIOSFODNN7EXAMPLE"}})["Account"] == "000000000000");
  CHECK(f.call("GetAccessKeyInfo", {{"AccessKeyId", "ASIAY34FZKBOKMUTVV7A"}})["Account"] == "000000000000");
  CHECK(f.error_of("GetAccessKeyInfo", {{"AccessKeyId", "short"}}) == "ValidationError");
  CHECK(f.call("GetAccessKeyInfo", {{"AccessKeyId", "123456789012"}})["Account"] == "123456789012");
  CHECK(f.error_of("GetAccessKeyInfo", {{"AccessKeyId", "AKIA-with-dashes-xx"}}) == "ValidationError");
}

TEST_CASE("sts: DecodeAuthorizationMessage", "[sts]") {
  Fixture f;
  Json message = {{"allowed", false}, {"context", {{"action", "ec2:RunInstances"}}}};
  auto out = f.call("DecodeAuthorizationMessage", {{"EncodedMessage", base64_encode(message.dump())}});
  CHECK(Json::parse(out["DecodedMessage"].get<std::string>()) == message);
  CHECK(f.error_of("DecodeAuthorizationMessage", {{"EncodedMessage", "garbage"}}) ==
        "InvalidAuthorizationMessageException");
}

TEST_CASE("sts: every operation of the model is implemented", "[sts]") {
  Fixture f;
  for (auto op : {"AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "DecodeAuthorizationMessage",
                  "GetAccessKeyInfo", "GetCallerIdentity", "GetFederationToken", "GetSessionToken"})
    CHECK(f.sts.implements(op));
  CHECK_FALSE(f.sts.implements("AssumeRoot"));
  CHECK(f.sts.model_name() == "sts");
}
