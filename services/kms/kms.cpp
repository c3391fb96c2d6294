#include "services/kms/kms.hpp"

#include "services/kms/key_lookup.hpp"

namespace understudy::kms {

std::span<const Kms::Entry> Kms::operations() {
  static const Entry table[] = {
      {"CancelKeyDeletion", &Kms::CancelKeyDeletion},
      {"CreateAlias", &Kms::CreateAlias},
      {"CreateKey", &Kms::CreateKey},
      {"Decrypt", &Kms::Decrypt},
      {"DeleteAlias", &Kms::DeleteAlias},
      {"DescribeKey", &Kms::DescribeKey},
      {"DisableKey", &Kms::DisableKey},
      {"DisableKeyRotation", &Kms::DisableKeyRotation},
      {"EnableKey", &Kms::EnableKey},
      {"EnableKeyRotation", &Kms::EnableKeyRotation},
      {"Encrypt", &Kms::Encrypt},
      {"GenerateDataKey", &Kms::GenerateDataKey},
      {"GenerateDataKeyWithoutPlaintext", &Kms::GenerateDataKeyWithoutPlaintext},
      {"GenerateRandom", &Kms::GenerateRandom},
      {"GetKeyPolicy", &Kms::GetKeyPolicy},
      {"GetKeyRotationStatus", &Kms::GetKeyRotationStatus},
      {"ListAliases", &Kms::ListAliases},
      {"ListKeyPolicies", &Kms::ListKeyPolicies},
      {"ListKeys", &Kms::ListKeys},
      {"ListResourceTags", &Kms::ListResourceTags},
      {"PutKeyPolicy", &Kms::PutKeyPolicy},
      {"ReEncrypt", &Kms::ReEncrypt},
      {"ScheduleKeyDeletion", &Kms::ScheduleKeyDeletion},
      {"TagResource", &Kms::TagResource},
      {"UntagResource", &Kms::UntagResource},
      {"UpdateAlias", &Kms::UpdateAlias},
      {"UpdateKeyDescription", &Kms::UpdateKeyDescription},
  };
  return table;
}

KeyRecord Kms::key_named(const Json& input, const RequestContext& ctx) {
  return find_key(repo_, ctx, input.value("KeyId", ""), KeyNaming::key_only);
}

void Kms::on_due(const std::string& account, const std::string& region, const std::string& type, const std::string& id,
                 double now) {
  if (type != kKeyType) return;
  auto key = repo_.load(account, region, id);
  if (!key) return;
  if (key->state == KeyState::pending_deletion) {
    if (key->deletion_date && *key->deletion_date <= now) repo_.erase(*key);
    return;
  }
  if (key->state == KeyState::enabled && key->rotation.enabled && key->rotation.next_rotation &&
      !key->materials.empty()) {
    // A clock moved far ahead rotates as many times as AWS would have in between; old
    // material stays, so every earlier ciphertext still decrypts.
    const double period = key->rotation.period_days * 86400.0;
    for (int i = 0; i < 100 && *key->rotation.next_rotation <= now; ++i) {
      key->materials.push_back(new_material());
      *key->rotation.next_rotation += period;
    }
    if (*key->rotation.next_rotation <= now) key->rotation.next_rotation = now + period;
  }
  repo_.save(*key);
}

}  // namespace understudy::kms
