// Secrets Manager called as the dispatcher calls it: JSON in, JSON out, against an
// in-memory store. Lookup by name, ARN and partial ARN; idempotency; deletion and
// rotation on the emulator's clock; managed rotation through a Rotator.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>

#include "emulator/state/store.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

using namespace understudy;
using namespace understudy::secretsmanager;

namespace {

constexpr double kNow = 1795392000;  // 2026-11-23T00:00:00Z
const std::string kToken1 = "11111111-1111-1111-1111-111111111111";
const std::string kToken2 = "22222222-2222-2222-2222-222222222222";

struct Fixture {
  state::Store store{":memory:"};
  state::Clock clock;
  state::Vault vault{""};
  SecretsManager sm{store, clock, vault};
  double now = kNow;

  RequestContext ctx(const std::string& region = "us-east-1") {
    RequestContext c;
    c.account = "123456789012";
    c.region = region;
    c.now = now;
    c.request_id = "req";
    return c;
  }
  Json call(const std::string& op, const Json& input, const std::string& region = "us-east-1") {
    return store.transaction([&] { return sm.call(op, input, ctx(region)); });
  }
  std::string error_of(const std::string& op, const Json& input, const std::string& region = "us-east-1") {
    try {
      call(op, input, region);
    } catch (const AwsError& e) {
      return e.code + ": " + e.message();
    }
    return "no error";
  }
  // Runs what the scheduler would run at `now`.
  void fire_due() {
    for (const auto& key : store.due(now))
      store.transaction([&] { sm.on_due(key.account, key.region, key.type, key.id, now); });
  }
};

class FakeRotator : public Rotator {
 public:
  std::string owning_service() const override { return "rds"; }
  void apply(const RotationRequest& request) override {
    if (fail) throw std::runtime_error("the engine refused");
    applied.push_back(request.pending_value);
  }
  bool fail = false;
  std::vector<std::string> applied;
};

}  // namespace

TEST_CASE("candidate names for names, full and partial ARNs", "[secretsmanager][lookup]") {
  const std::string acct = "123456789012", region = "us-east-1";
  auto plain = candidate_names("app/db-AbC123", acct, region);
  REQUIRE(plain.size() == 1);  // a name is only ever that name
  CHECK(plain[0].name == "app/db-AbC123");
  CHECK_FALSE(plain[0].suffix);

  auto full = candidate_names("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123", acct, region);
  REQUIRE(full.size() == 2);
  CHECK(full[0].name == "app/db");
  CHECK(full[0].suffix == "AbC123");
  CHECK(full[1].name == "app/db-AbC123");

  auto partial = candidate_names("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db", acct, region);
  REQUIRE(partial.size() == 1);
  CHECK(partial[0].name == "app/db");

  CHECK(candidate_names("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db", acct, region).empty());
  CHECK(candidate_names("arn:aws:secretsmanager:us-east-1:999999999999:secret:app/db", acct, region).empty());
  CHECK(candidate_names("arn:aws:ssm:us-east-1:123456789012:parameter/app", acct, region).empty());
}

TEST_CASE("a secret is found by name, ARN and partial ARN", "[secretsmanager][lookup]") {
  Fixture f;
  auto created = f.call("CreateSecret", {{"Name", "app/db"}, {"SecretString", "s3cret"}});
  const std::string arn = created["ARN"];
  CHECK(arn.rfind("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-", 0) == 0);
  CHECK(arn.size() == std::string("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-").size() + 6);
  for (const std::string& id : {std::string("app/db"), arn, arn.substr(0, arn.size() - 7)})
    CHECK(f.call("GetSecretValue", {{"SecretId", id}})["SecretString"] == "s3cret");
  // A wrong suffix is another secret.
  CHECK(f.error_of("GetSecretValue", {{"SecretId", arn.substr(0, arn.size() - 6) + "zzzzzz"}}) ==
        "ResourceNotFoundException: Secrets Manager can't find the specified secret.");
  // A name that ends like a suffix is still looked up as a name.
  f.call("CreateSecret", {{"Name", "tricky-abcdef"}, {"SecretString", "t"}});
  CHECK(f.call("GetSecretValue", {{"SecretId", "tricky-abcdef"}})["SecretString"] == "t");
}

TEST_CASE("values are sealed in the store", "[secretsmanager][values]") {
  Fixture f;
  f.call("CreateSecret", {{"Name", "plain"}, {"SecretString", "find-me-if-you-can"}});
  auto doc = f.store.get({"123456789012", "us-east-1", "secretsmanager", "secret", "plain"});
  REQUIRE(doc);
  CHECK(doc->dump().find("find-me-if-you-can") == std::string::npos);
}

TEST_CASE("client request tokens make value writes idempotent", "[secretsmanager][values]") {
  Fixture f;
  auto first = f.call("CreateSecret", {{"Name", "idem"}, {"SecretString", "v1"}, {"ClientRequestToken", kToken1}});
  auto again = f.call("CreateSecret", {{"Name", "idem"}, {"SecretString", "v1"}, {"ClientRequestToken", kToken1}});
  CHECK(again["ARN"] == first["ARN"]);
  CHECK(f.error_of("CreateSecret", {{"Name", "idem"}, {"SecretString", "v2"}, {"ClientRequestToken", kToken1}})
            .rfind("ResourceExistsException", 0) == 0);
  CHECK(f.error_of("CreateSecret", {{"Name", "idem"}, {"SecretString", "v1"}}) ==
        "ResourceExistsException: The operation failed because the secret idem already exists.");

  auto put = f.call("PutSecretValue", {{"SecretId", "idem"}, {"SecretString", "v2"}, {"ClientRequestToken", kToken2}});
  CHECK(put["VersionStages"] == Json::array({"AWSCURRENT"}));
  f.call("PutSecretValue", {{"SecretId", "idem"}, {"SecretString", "v2"}, {"ClientRequestToken", kToken2}});
  CHECK(f.error_of("PutSecretValue", {{"SecretId", "idem"}, {"SecretString", "v3"}, {"ClientRequestToken", kToken2}})
            .rfind("ResourceExistsException", 0) == 0);
  auto described = f.call("DescribeSecret", {{"SecretId", "idem"}});
  CHECK(described["VersionIdsToStages"].size() == 2);
  CHECK(described["VersionIdsToStages"][kToken1] == Json::array({"AWSPREVIOUS"}));
}

TEST_CASE("UpdateSecretVersionStage moves labels as AWS does", "[secretsmanager][stages]") {
  Fixture f;
  f.call("CreateSecret", {{"Name", "s"}, {"SecretString", "v1"}, {"ClientRequestToken", kToken1}});
  f.call("PutSecretValue",
         {{"SecretId", "s"}, {"SecretString", "v2"}, {"ClientRequestToken", kToken2}, {"VersionStages", {"AWSPENDING"}}});
  CHECK(f.call("GetSecretValue", {{"SecretId", "s"}, {"VersionStage", "AWSPENDING"}})["SecretString"] == "v2");
  CHECK(f.error_of("UpdateSecretVersionStage", {{"SecretId", "s"}, {"VersionStage", "AWSCURRENT"}, {"MoveToVersionId", kToken2}})
            .find("RemoveFromVersionId can't be empty") != std::string::npos);
  f.call("UpdateSecretVersionStage",
         {{"SecretId", "s"}, {"VersionStage", "AWSCURRENT"}, {"MoveToVersionId", kToken2}, {"RemoveFromVersionId", kToken1}});
  CHECK(f.call("GetSecretValue", {{"SecretId", "s"}})["SecretString"] == "v2");
  CHECK(f.call("GetSecretValue", {{"SecretId", "s"}, {"VersionStage", "AWSPREVIOUS"}})["SecretString"] == "v1");
  CHECK(f.error_of("UpdateSecretVersionStage", {{"SecretId", "s"}, {"VersionStage", "AWSCURRENT"}, {"RemoveFromVersionId", kToken2}})
            .find("can't be completely removed") != std::string::npos);
  f.call("UpdateSecretVersionStage", {{"SecretId", "s"}, {"VersionStage", "AWSPREVIOUS"}, {"RemoveFromVersionId", kToken1}});
  auto versions = f.call("ListSecretVersionIds", {{"SecretId", "s"}});
  CHECK(versions["Versions"].size() == 1);
  CHECK(f.call("ListSecretVersionIds", {{"SecretId", "s"}, {"IncludeDeprecated", true}})["Versions"].size() == 2);
}

TEST_CASE("deletion waits for the recovery window on the clock", "[secretsmanager][deletion]") {
  Fixture f;
  f.call("CreateSecret", {{"Name", "gone"}, {"SecretString", "x"}});
  CHECK(f.error_of("DeleteSecret", {{"SecretId", "gone"}, {"RecoveryWindowInDays", 7}, {"ForceDeleteWithoutRecovery", true}})
            .rfind("InvalidParameterException", 0) == 0);
  CHECK(f.error_of("DeleteSecret", {{"SecretId", "gone"}, {"RecoveryWindowInDays", 6}}).rfind("InvalidParameterException", 0) == 0);
  auto deleted = f.call("DeleteSecret", {{"SecretId", "gone"}, {"RecoveryWindowInDays", 7}});
  CHECK(deleted["DeletionDate"] == kNow + 7 * 86400);
  CHECK(f.error_of("GetSecretValue", {{"SecretId", "gone"}}) ==
        "InvalidRequestException: You can't perform this operation on the secret because it was marked for deletion.");
  CHECK(f.call("DescribeSecret", {{"SecretId", "gone"}})["DeletedDate"] == kNow);
  CHECK(f.error_of("CreateSecret", {{"Name", "gone"}, {"SecretString", "y"}}).find("already scheduled for deletion") !=
        std::string::npos);
  f.call("RestoreSecret", {{"SecretId", "gone"}});
  CHECK(f.call("GetSecretValue", {{"SecretId", "gone"}})["SecretString"] == "x");

  f.call("DeleteSecret", {{"SecretId", "gone"}, {"RecoveryWindowInDays", 7}});
  f.now += 6 * 86400;
  f.fire_due();
  CHECK(f.call("DescribeSecret", {{"SecretId", "gone"}}).contains("DeletedDate"));
  f.now += 86400 + 1;
  f.fire_due();
  CHECK(f.error_of("DescribeSecret", {{"SecretId", "gone"}}).rfind("ResourceNotFoundException", 0) == 0);
  CHECK_FALSE(f.store.get({"123456789012", "us-east-1", "secretsmanager", "secret", "gone"}));
}

TEST_CASE("a Lambda rotation fails and leaves AWSPENDING on an empty version", "[secretsmanager][rotation]") {
  Fixture f;
  f.call("CreateSecret", {{"Name", "r"}, {"SecretString", "v1"}});
  CHECK(f.error_of("RotateSecret", {{"SecretId", "r"}}) ==
        "InvalidRequestException: No Lambda rotation function ARN is associated with this secret.");
  auto rotated = f.call("RotateSecret", {{"SecretId", "r"},
                                         {"RotationLambdaARN", "arn:aws:lambda:us-east-1:123456789012:function:rot"},
                                         {"RotationRules", {{"AutomaticallyAfterDays", 7}}},
                                         {"ClientRequestToken", kToken1}});
  CHECK(rotated["VersionId"] == kToken1);
  auto d = f.call("DescribeSecret", {{"SecretId", "r"}});
  CHECK(d["RotationEnabled"] == true);
  CHECK(d["VersionIdsToStages"][kToken1] == Json::array({"AWSPENDING"}));
  CHECK_FALSE(d.contains("LastRotatedDate"));
  CHECK(d["NextRotationDate"] == kNow + 8 * 86400 - 1);
  CHECK(f.call("GetSecretValue", {{"SecretId", "r"}})["SecretString"] == "v1");
  CHECK(f.error_of("GetSecretValue", {{"SecretId", "r"}, {"VersionStage", "AWSPENDING"}}).rfind("ResourceNotFoundException", 0) == 0);
  CHECK(f.error_of("RotateSecret", {{"SecretId", "r"}}) ==
        "InvalidRequestException: A previous rotation isn't complete. That rotation will be reattempted.");
  // What the rotation function would have done: deliver the value, then move AWSCURRENT.
  f.call("PutSecretValue", {{"SecretId", "r"}, {"ClientRequestToken", kToken1}, {"SecretString", "v2"}, {"VersionStages", {"AWSPENDING"}}});
  CHECK(f.call("GetSecretValue", {{"SecretId", "r"}, {"VersionStage", "AWSPENDING"}})["SecretString"] == "v2");
}

TEST_CASE("a managed secret rotates for real through its Rotator, also on schedule", "[secretsmanager][rotation]") {
  Fixture f;
  auto rotator = std::make_shared<FakeRotator>();
  f.sm.rotators().add(rotator);
  ManagedSecretSpec spec;
  spec.name = "rds!db-1";
  spec.secret_string = R"({"username":"postgres","password":"old"})";
  spec.owning_service = "rds";
  f.store.transaction([&] { return f.sm.create_managed_secret(f.ctx(), spec); });
  CHECK(f.error_of("PutSecretValue", {{"SecretId", "rds!db-1"}, {"SecretString", "x"}}).find("managed by rds") !=
        std::string::npos);

  f.call("RotateSecret", {{"SecretId", "rds!db-1"}, {"RotationRules", {{"AutomaticallyAfterDays", 1}}}});
  REQUIRE(rotator->applied.size() == 1);
  auto value = Json::parse(f.call("GetSecretValue", {{"SecretId", "rds!db-1"}})["SecretString"].get<std::string>());
  CHECK(value["username"] == "postgres");
  CHECK(value["password"] == Json::parse(rotator->applied[0])["password"]);
  CHECK(value["password"] != "old");
  auto d = f.call("DescribeSecret", {{"SecretId", "rds!db-1"}});
  CHECK(d["OwningService"] == "rds");
  CHECK(d["LastRotatedDate"] == kNow);
  CHECK(d["VersionIdsToStages"].size() == 2);

  f.now += 2 * 86400;
  f.fire_due();
  CHECK(rotator->applied.size() == 2);
  CHECK(f.call("DescribeSecret", {{"SecretId", "rds!db-1"}})["LastRotatedDate"] == f.now);

  rotator->fail = true;
  f.now += 2 * 86400;
  f.fire_due();
  auto failed = f.call("DescribeSecret", {{"SecretId", "rds!db-1"}});
  bool pending = false;
  for (const auto& entry : failed["VersionIdsToStages"].items())
    pending = pending || entry.value() == Json::array({"AWSPENDING"});
  CHECK(pending);
  CHECK(Json::parse(f.call("GetSecretValue", {{"SecretId", "rds!db-1"}})["SecretString"].get<std::string>())["password"] ==
        Json::parse(rotator->applied[1])["password"]);
}

TEST_CASE("replicas are read-only copies that can be promoted", "[secretsmanager][replication]") {
  Fixture f;
  auto created = f.call("CreateSecret", {{"Name", "multi"},
                                         {"SecretString", "v1"},
                                         {"AddReplicaRegions", {{{"Region", "eu-west-1"}}}}});
  CHECK(created["ReplicationStatus"][0]["Status"] == "InSync");
  auto replica = f.call("GetSecretValue", {{"SecretId", "multi"}}, "eu-west-1");
  CHECK(replica["SecretString"] == "v1");
  CHECK(replica["ARN"] == created["ARN"].get<std::string>().replace(23, 9, "eu-west-1"));
  f.call("PutSecretValue", {{"SecretId", "multi"}, {"SecretString", "v2"}});
  CHECK(f.call("GetSecretValue", {{"SecretId", "multi"}}, "eu-west-1")["SecretString"] == "v2");
  CHECK(f.error_of("PutSecretValue", {{"SecretId", "multi"}, {"SecretString", "v3"}}, "eu-west-1")
            .find("replica secret") != std::string::npos);
  CHECK(f.call("DescribeSecret", {{"SecretId", "multi"}}, "eu-west-1")["PrimaryRegion"] == "us-east-1");
  CHECK(f.error_of("DeleteSecret", {{"SecretId", "multi"}}).rfind("InvalidRequestException", 0) == 0);

  f.call("StopReplicationToReplica", {{"SecretId", "multi"}}, "eu-west-1");
  CHECK_FALSE(f.call("DescribeSecret", {{"SecretId", "multi"}}).contains("ReplicationStatus"));
  f.call("PutSecretValue", {{"SecretId", "multi"}, {"SecretString", "eu"}}, "eu-west-1");
  CHECK(f.call("GetSecretValue", {{"SecretId", "multi"}})["SecretString"] == "v2");

  f.call("ReplicateSecretToRegions", {{"SecretId", "multi"}, {"AddReplicaRegions", {{{"Region", "us-west-2"}}}}});
  auto removed = f.call("RemoveRegionsFromReplication", {{"SecretId", "multi"}, {"RemoveReplicaRegions", {"us-west-2"}}});
  CHECK(removed["ReplicationStatus"].empty());
  CHECK(f.error_of("DescribeSecret", {{"SecretId", "multi"}}, "us-west-2").rfind("ResourceNotFoundException", 0) == 0);
}

TEST_CASE("ListSecrets filters, negates, sorts and pages", "[secretsmanager][list]") {
  Fixture f;
  for (int i = 0; i < 5; ++i) {
    f.now = kNow + i;
    f.call("CreateSecret", {{"Name", "team-a/s" + std::to_string(i)},
                            {"Description", i % 2 ? "Odd One" : "even one"},
                            {"Tags", {{{"Key", "env"}, {"Value", i < 3 ? "prod" : "dev"}}}}});
  }
  f.call("CreateSecret", {{"Name", "other"}});
  auto names = [&](const Json& input) {
    std::vector<std::string> out;
    const Json listed = f.call("ListSecrets", input);
    for (const auto& s : listed["SecretList"]) out.push_back(s["Name"]);
    return out;
  };
  CHECK(names({{"Filters", {{{"Key", "name"}, {"Values", {"team-a/"}}}}}}).size() == 5);
  CHECK(names({{"Filters", {{{"Key", "name"}, {"Values", {"!team-a/"}}}}}}) == std::vector<std::string>{"other"});
  CHECK(names({{"Filters", {{{"Key", "description"}, {"Values", {"odd"}}}}}}).size() == 2);
  CHECK(names({{"Filters", {{{"Key", "tag-value"}, {"Values", {"dev"}}}, {{"Key", "name"}, {"Values", {"team"}}}}}}) ==
        std::vector<std::string>{"team-a/s3", "team-a/s4"});
  CHECK(names({{"Filters", {{{"Key", "all"}, {"Values", {"ODD"}}}}}}).size() == 2);
  CHECK(names({{"SortOrder", "desc"}}).front() == "other");
  CHECK(names({{"SortBy", "name"}}).front() == "other");

  auto page1 = f.call("ListSecrets", {{"MaxResults", 4}});
  CHECK(page1["SecretList"].size() == 4);
  auto page2 = f.call("ListSecrets", {{"MaxResults", 4}, {"NextToken", page1["NextToken"]}});
  CHECK(page2["SecretList"].size() == 2);
  CHECK_FALSE(page2.contains("NextToken"));
  CHECK(f.error_of("ListSecrets", {{"SortOrder", "desc"}, {"NextToken", page1["NextToken"]}}).rfind("InvalidNextTokenException", 0) == 0);

  f.call("DeleteSecret", {{"SecretId", "other"}});
  CHECK(names(Json::object()).size() == 5);
  CHECK(names({{"IncludePlannedDeletion", true}}).size() == 6);
}
