#pragma once
// The claims of a JSON Web Token, read without checking its signature: the emulator has
// no identity provider keys to check it against.
#include "emulator/core/json.hpp"

namespace understudy::sts {

// Throws InvalidIdentityToken unless `token` is header.payload.signature with a JSON
// object as header and payload (base64url, padding optional).
Json jwt_claims(const std::string& token);

}  // namespace understudy::sts
