#include "services/kms/key_record.hpp"

#include <algorithm>
#include <array>

#include "emulator/core/base64.hpp"
#include "emulator/state/arn.hpp"
#include "emulator/state/ids.hpp"

namespace understudy::kms {
namespace {

KeyState parse_state(const std::string& name) {
  if (name == "Disabled") return KeyState::disabled;
  if (name == "PendingDeletion") return KeyState::pending_deletion;
  return KeyState::enabled;
}

Json encryption_algorithms(const KeyRecord& key) {
  if (key.key_usage != "ENCRYPT_DECRYPT") return nullptr;
  if (key.symmetric()) return Json::array({"SYMMETRIC_DEFAULT"});
  if (key.key_spec == "SM2") return Json::array({"SM2PKE"});
  return Json::array({"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"});
}

Json signing_algorithms(const KeyRecord& key) {
  if (key.key_usage != "SIGN_VERIFY") return nullptr;
  const std::string& s = key.key_spec;
  if (s.starts_with("RSA_"))
    return Json::array({"RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256",
                        "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"});
  if (s == "ECC_NIST_P384") return Json::array({"ECDSA_SHA_384"});
  if (s == "ECC_NIST_P521") return Json::array({"ECDSA_SHA_512"});
  if (s == "SM2") return Json::array({"SM2DSA"});
  if (s == "ECC_NIST_EDWARDS25519") return Json::array({"ED25519_SHA_512", "ED25519_PH_SHA_512"});
  if (s.starts_with("ML_DSA_")) return Json::array({"ML_DSA_SHAKE_256"});
  return Json::array({"ECDSA_SHA_256"});
}

Json mac_algorithms(const KeyRecord& key) {
  if (key.key_usage != "GENERATE_VERIFY_MAC") return nullptr;
  return Json::array({"HMAC_SHA_" + key.key_spec.substr(5)});
}

}  // namespace

std::string key_state_name(KeyState state) {
  switch (state) {
    case KeyState::enabled:
      return "Enabled";
    case KeyState::disabled:
      return "Disabled";
    case KeyState::pending_deletion:
      return "PendingDeletion";
  }
  return "Enabled";
}

std::string KeyRecord::arn() const { return state::make_arn("kms", region, account, "key/" + key_id); }

std::optional<double> KeyRecord::due_at() const {
  if (state == KeyState::pending_deletion) return deletion_date;
  if (state == KeyState::enabled && rotation.enabled) return rotation.next_rotation;
  return std::nullopt;
}

Json KeyRecord::to_json() const {
  Json doc = {{"KeyId", key_id},
              {"CreationDate", creation_date},
              {"Description", description},
              {"KeyUsage", key_usage},
              {"KeySpec", key_spec},
              {"Origin", origin},
              {"KeyManager", key_manager},
              {"MultiRegion", multi_region},
              {"KeyState", key_state_name(state)},
              {"Policy", policy},
              {"Tags", tags},
              {"Rotation", {{"Enabled", rotation.enabled}, {"PeriodDays", rotation.period_days}}},
              {"Materials", materials}};
  if (rotation.next_rotation) doc["Rotation"]["NextRotation"] = *rotation.next_rotation;
  if (deletion_date) doc["DeletionDate"] = *deletion_date;
  if (pending_window_days) doc["PendingWindowInDays"] = *pending_window_days;
  return doc;
}

KeyRecord KeyRecord::from_json(const Json& doc, const std::string& account, const std::string& region) {
  KeyRecord key;
  key.account = account;
  key.region = region;
  key.key_id = doc.at("KeyId").get<std::string>();
  key.creation_date = doc.value("CreationDate", 0.0);
  key.description = doc.value("Description", "");
  key.key_usage = doc.value("KeyUsage", "ENCRYPT_DECRYPT");
  key.key_spec = doc.value("KeySpec", "SYMMETRIC_DEFAULT");
  key.origin = doc.value("Origin", "AWS_KMS");
  key.key_manager = doc.value("KeyManager", "CUSTOMER");
  key.multi_region = doc.value("MultiRegion", false);
  key.state = parse_state(doc.value("KeyState", "Enabled"));
  key.policy = doc.value("Policy", "");
  key.tags = doc.value("Tags", Json::array());
  if (const auto& r = doc.value("Rotation", Json::object()); r.is_object()) {
    key.rotation.enabled = r.value("Enabled", false);
    key.rotation.period_days = r.value("PeriodDays", 365);
    if (r.contains("NextRotation")) key.rotation.next_rotation = r["NextRotation"].get<double>();
  }
  key.materials = doc.value("Materials", std::vector<std::string>{});
  if (doc.contains("DeletionDate")) key.deletion_date = doc["DeletionDate"].get<double>();
  if (doc.contains("PendingWindowInDays")) key.pending_window_days = doc["PendingWindowInDays"].get<int>();
  return key;
}

Json KeyRecord::metadata() const {
  Json m = {{"AWSAccountId", account},
            {"KeyId", key_id},
            {"Arn", arn()},
            {"CreationDate", creation_date},
            {"Enabled", state == KeyState::enabled},
            {"Description", description},
            {"KeyUsage", key_usage},
            {"KeyState", key_state_name(state)},
            {"Origin", origin},
            {"KeyManager", key_manager},
            {"CustomerMasterKeySpec", key_spec},
            {"KeySpec", key_spec},
            {"MultiRegion", multi_region}};
  if (auto a = encryption_algorithms(*this); !a.is_null()) m["EncryptionAlgorithms"] = a;
  if (auto a = signing_algorithms(*this); !a.is_null()) m["SigningAlgorithms"] = a;
  if (auto a = mac_algorithms(*this); !a.is_null()) m["MacAlgorithms"] = a;
  if (key_usage == "KEY_AGREEMENT") m["KeyAgreementAlgorithms"] = Json::array({"ECDH"});
  if (state == KeyState::pending_deletion) {
    if (deletion_date) m["DeletionDate"] = *deletion_date;
    if (pending_window_days) m["PendingDeletionWindowInDays"] = *pending_window_days;
  }
  return m;
}

bool usage_allowed(const std::string& spec, const std::string& usage) {
  if (spec == "SYMMETRIC_DEFAULT") return usage == "ENCRYPT_DECRYPT";
  if (spec.starts_with("RSA_")) return usage == "ENCRYPT_DECRYPT" || usage == "SIGN_VERIFY";
  if (spec.starts_with("HMAC_")) return usage == "GENERATE_VERIFY_MAC";
  if (spec == "SM2") return usage == "ENCRYPT_DECRYPT" || usage == "SIGN_VERIFY" || usage == "KEY_AGREEMENT";
  if (spec.starts_with("ECC_NIST_P")) return usage == "SIGN_VERIFY" || usage == "KEY_AGREEMENT";
  return usage == "SIGN_VERIFY";  // ECC_SECG_P256K1, ECC_NIST_EDWARDS25519, ML_DSA_*
}

std::string new_material() {
  std::array<unsigned char, 32> bytes{};
  state::random_bytes(bytes.data(), bytes.size());
  return base64_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace understudy::kms
