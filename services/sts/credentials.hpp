#pragma once
// Temporary credentials STS hands out, and the identity behind each, remembered in the
// store so that a client signing with them is recognised.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"
#include "emulator/state/store.hpp"

namespace understudy::sts {

// The identity a set of credentials stands for, as GetCallerIdentity reports it.
struct CallerIdentity {
  std::string account;
  std::string arn;
  std::string user_id;
};

enum class CredentialKind { assumed_role, session, federated_user };

struct IssuedCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
  double expiration = 0;
  CredentialKind kind = CredentialKind::session;
  CallerIdentity identity;
};

// ASIA + 16 base32 characters that carry the account in the bit layout AWS itself uses,
// so that the account of an issued key is known from the key alone, as on AWS.
std::string new_session_access_key_id(const std::string& account);
// The account an ASIA/AKIA-style key id carries in that layout (meaningful only for keys
// we issued); nullopt when the id is not of that shape.
std::optional<std::string> account_encoded_in(const std::string& access_key_id);

// Creates credentials for `identity`, lasting `duration` seconds from `now`, and stores them.
IssuedCredentials issue_credentials(state::Store& store, CredentialKind kind, const CallerIdentity& identity,
                                    double now, long long duration);
std::optional<IssuedCredentials> find_issued_credentials(state::Store& store, const std::string& access_key_id);
// The Credentials structure of STS's responses.
Json credentials_json(const IssuedCredentials& credentials);

// For strict signature checking: the secret of credentials we issued and that have not
// expired, so that clients using them can be verified like configured keys.
std::optional<std::string> issued_secret_key(state::Store& store, const std::string& access_key_id, double now);

// Where issued credentials live: account-wide, not per region, like AWS access keys.
inline constexpr const char* kCredentialsRegion = "global";
inline constexpr const char* kCredentialsType = "credentials";

}  // namespace understudy::sts
