#include "services/sts/credentials.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "emulator/core/base64.hpp"
#include "emulator/state/ids.hpp"

namespace understudy::sts {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
// Credentials are kept a day past their expiry so that a late caller is told they
// expired rather than that they never existed.
constexpr double kKeepAfterExpiry = 24 * 3600;

std::string base32_encode(const unsigned char* bytes, std::size_t length) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < length; ++i) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

const char* kind_name(CredentialKind kind) {
  switch (kind) {
    case CredentialKind::assumed_role:
      return "assumed-role";
    case CredentialKind::federated_user:
      return "federated-user";
    case CredentialKind::session:
      break;
  }
  return "session";
}

CredentialKind kind_from(const std::string& name) {
  if (name == "assumed-role") return CredentialKind::assumed_role;
  if (name == "federated-user") return CredentialKind::federated_user;
  return CredentialKind::session;
}

state::ResourceKey key_of(const std::string& account, const std::string& access_key_id) {
  return {account, kCredentialsRegion, "sts", kCredentialsType, access_key_id};
}

}  // namespace

std::string new_session_access_key_id(const std::string& account) {
  // 80 bits: a zero bit, the account in the next 40, then random bits.
  unsigned char bytes[10];
  state::random_bytes(bytes, sizeof bytes);
  std::uint64_t account_number = std::stoull(account);
  std::uint64_t high = (account_number << 7) | (bytes[5] & 0x7F);
  for (int i = 5; i >= 0; --i) {
    bytes[i] = static_cast<unsigned char>(high & 0xFF);
    high >>= 8;
  }
  return "ASIA" + base32_encode(bytes, sizeof bytes);
}

std::optional<std::string> account_encoded_in(const std::string& access_key_id) {
  if (access_key_id.size() != 20) return std::nullopt;
  std::uint64_t high = 0;  // the first 48 of the 80 bits
  int bits = 0;
  for (std::size_t i = 4; i < access_key_id.size() && bits < 48; ++i) {
    auto pos = kBase32.find(access_key_id[i]);
    if (pos == std::string_view::npos) return std::nullopt;
    int take = std::min(5, 48 - bits);
    high = (high << take) | (pos >> (5 - take));
    bits += take;
  }
  std::uint64_t account = (high & 0x7FFFFFFFFF80ULL) >> 7;
  if (account > 999999999999ULL) return std::nullopt;
  char text[16];
  std::snprintf(text, sizeof text, "%012llu", static_cast<unsigned long long>(account));
  return std::string(text);
}

IssuedCredentials issue_credentials(state::Store& store, CredentialKind kind, const CallerIdentity& identity,
                                    double now, long long duration) {
  IssuedCredentials issued;
  issued.access_key_id = new_session_access_key_id(identity.account);
  issued.secret_access_key = state::random_alnum(40);
  unsigned char token[240];
  state::random_bytes(token, sizeof token);
  issued.session_token = base64_encode(std::string_view(reinterpret_cast<const char*>(token), sizeof token));
  issued.expiration = std::floor(now) + static_cast<double>(duration);
  issued.kind = kind;
  issued.identity = identity;

  Json record = {{"AccessKeyId", issued.access_key_id},
                 {"SecretAccessKey", issued.secret_access_key},
                 {"SessionToken", issued.session_token},
                 {"Expiration", issued.expiration},
                 {"Kind", kind_name(kind)},
                 {"Account", identity.account},
                 {"Arn", identity.arn},
                 {"UserId", identity.user_id},
                 {"IssuedAt", now}};
  store.put(key_of(identity.account, issued.access_key_id), record, issued.expiration + kKeepAfterExpiry);
  return issued;
}

std::optional<IssuedCredentials> find_issued_credentials(state::Store& store, const std::string& access_key_id) {
  auto account = account_encoded_in(access_key_id);
  if (!account) return std::nullopt;
  auto record = store.get(key_of(*account, access_key_id));
  if (!record) return std::nullopt;
  IssuedCredentials issued;
  issued.access_key_id = access_key_id;
  issued.secret_access_key = record->value("SecretAccessKey", "");
  issued.session_token = record->value("SessionToken", "");
  issued.expiration = record->value("Expiration", 0.0);
  issued.kind = kind_from(record->value("Kind", ""));
  issued.identity = {record->value("Account", ""), record->value("Arn", ""), record->value("UserId", "")};
  return issued;
}

Json credentials_json(const IssuedCredentials& credentials) {
  return {{"AccessKeyId", credentials.access_key_id},
          {"SecretAccessKey", credentials.secret_access_key},
          {"SessionToken", credentials.session_token},
          {"Expiration", credentials.expiration}};
}

std::optional<std::string> issued_secret_key(state::Store& store, const std::string& access_key_id, double now) {
  auto issued = find_issued_credentials(store, access_key_id);
  if (!issued || issued->expiration <= now) return std::nullopt;
  return issued->secret_access_key;
}

}  // namespace understudy::sts
