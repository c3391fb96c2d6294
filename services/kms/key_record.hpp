#pragma once
// One KMS key as the store keeps it, and the KeyMetadata AWS shows of it.
//
// The key material (the AES-256 keys that Encrypt uses) is kept base64 in the key's own
// document, unsealed: the state directory is the trust boundary of the emulator, as it
// is for master.key beside it. Sealing it with the Vault would need the Vault in KMS's
// constructor (a change to services/registry.cpp) and protect nothing that reading
// master.key from the same folder does not give away.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"

namespace understudy::kms {

enum class KeyState { enabled, disabled, pending_deletion };

std::string key_state_name(KeyState state);

struct KeyRotation {
  bool enabled = false;
  int period_days = 365;
  std::optional<double> next_rotation;
};

struct KeyRecord {
  std::string account;
  std::string region;
  std::string key_id;
  double creation_date = 0;
  std::string description;
  std::string key_usage = "ENCRYPT_DECRYPT";
  std::string key_spec = "SYMMETRIC_DEFAULT";
  std::string origin = "AWS_KMS";
  std::string key_manager = "CUSTOMER";
  bool multi_region = false;
  KeyState state = KeyState::enabled;
  std::optional<double> deletion_date;
  std::optional<int> pending_window_days;
  std::string policy;
  Json tags = Json::array();
  KeyRotation rotation;
  // Base64 AES-256 keys, oldest first; the last one encrypts, every one still decrypts
  // (what AWS keeps across automatic rotations). Empty for asymmetric and HMAC keys,
  // whose cryptography Understudy does not do.
  std::vector<std::string> materials;

  std::string arn() const;
  bool symmetric() const { return key_spec == "SYMMETRIC_DEFAULT"; }
  bool aws_managed() const { return key_manager == "AWS"; }
  // When the scheduler should call on_due for this key: end of its waiting period, or
  // its next automatic rotation.
  std::optional<double> due_at() const;

  Json to_json() const;
  static KeyRecord from_json(const Json& doc, const std::string& account, const std::string& region);
  // DescribeKey's KeyMetadata.
  Json metadata() const;
};

// The key specs and usages AWS allows together.
bool usage_allowed(const std::string& key_spec, const std::string& key_usage);
// A fresh AES-256 key, base64.
std::string new_material();

}  // namespace understudy::kms
