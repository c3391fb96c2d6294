// KMS ciphertext blobs: what a blob carries, and that it opens only under its own key
// material and encryption context.
#include <catch2/catch.hpp>

#include "services/kms/ciphertext.hpp"
#include "services/kms/key_record.hpp"

using namespace understudy;
using namespace understudy::kms;

TEST_CASE("a KMS blob names its key and opens under the same material and context", "[kms]") {
  const std::string material = new_material();
  const BlobHeader header{"arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab", 3};
  const Json context = {{"purpose", "test"}, {"app", "a"}};
  const std::string blob = seal_blob(header, material, "secret bytes", context);

  auto read = read_blob_header(blob);
  REQUIRE(read);
  CHECK(read->key_arn == header.key_arn);
  CHECK(read->material_index == 3);
  CHECK(blob.find("secret bytes") == std::string::npos);

  auto opened = open_blob(blob, material, {{"app", "a"}, {"purpose", "test"}});
  REQUIRE(opened);
  CHECK(*opened == "secret bytes");
}

TEST_CASE("a KMS blob does not open under another key, context or a changed byte", "[kms]") {
  const std::string material = new_material();
  const BlobHeader header{"arn:aws:kms:us-east-1:000000000000:key/k", 0};
  const std::string blob = seal_blob(header, material, "x", Json::object());

  CHECK_FALSE(open_blob(blob, new_material(), Json::object()));
  CHECK_FALSE(open_blob(blob, material, {{"a", "b"}}));
  std::string changed_key = blob;
  changed_key[5] ^= 1;  // inside the key ARN: authenticated, so the tag no longer matches
  CHECK_FALSE(open_blob(changed_key, material, Json::object()));
  std::string changed_body = blob;
  changed_body[changed_body.size() - 20] ^= 1;
  CHECK_FALSE(open_blob(changed_body, material, Json::object()));
  CHECK_FALSE(read_blob_header("short"));
  CHECK_FALSE(read_blob_header(std::string(100, '\x07')));
}

TEST_CASE("encryption contexts that differ only in how pairs split do not collide", "[kms]") {
  const std::string material = new_material();
  const BlobHeader header{"arn:aws:kms:us-east-1:000000000000:key/k", 0};
  const std::string blob = seal_blob(header, material, "x", {{"ab", "c"}});
  CHECK_FALSE(open_blob(blob, material, {{"a", "bc"}}));
}
