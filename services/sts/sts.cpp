#include "services/sts/sts.hpp"

#include <array>

#include "services/sts/credentials.hpp"

namespace understudy::sts {

std::span<const Sts::Entry> Sts::operations() {
  static constexpr std::array<Entry, 8> kOperations{{
      {"AssumeRole", &Sts::AssumeRole},
      {"AssumeRoleWithSAML", &Sts::AssumeRoleWithSAML},
      {"AssumeRoleWithWebIdentity", &Sts::AssumeRoleWithWebIdentity},
      {"DecodeAuthorizationMessage", &Sts::DecodeAuthorizationMessage},
      {"GetAccessKeyInfo", &Sts::GetAccessKeyInfo},
      {"GetCallerIdentity", &Sts::GetCallerIdentity},
      {"GetFederationToken", &Sts::GetFederationToken},
      {"GetSessionToken", &Sts::GetSessionToken},
  }};
  return kOperations;
}

void Sts::on_due(const std::string& account, const std::string& region, const std::string& type,
                 const std::string& id, double now) {
  // Issued credentials are due a day after they expire: forget them.
  if (type == kCredentialsType) store_.erase({account, region, "sts", type, id});
}

}  // namespace understudy::sts
