#include "services/sts/identity.hpp"

#include <openssl/evp.h>

#include "services/sts/errors.hpp"

namespace understudy::sts {

std::string partition_of_region(const std::string& region) {
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  return "aws";
}

std::optional<IssuedCredentials> caller_credentials(state::Store& store, const RequestContext& ctx) {
  if (ctx.access_key_id.empty()) return std::nullopt;
  auto issued = find_issued_credentials(store, ctx.access_key_id);
  if (issued && issued->expiration <= ctx.now)
    throw AwsError("ExpiredToken", "The security token included in the request is expired", 403);
  return issued;
}

CallerIdentity caller_identity(state::Store& store, const RequestContext& ctx) {
  if (auto issued = caller_credentials(store, ctx)) return issued->identity;
  return {ctx.account, "arn:" + partition_of_region(ctx.region) + ":iam::" + ctx.account + ":root", ctx.account};
}

std::string role_id_of(const std::string& role_arn) {
  // Without IAM there is no stored RoleId; a hash of the ARN gives each role one that
  // stays the same across calls and restarts.
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(role_arn.data(), role_arn.size(), digest, &length, EVP_sha256(), nullptr);
  std::string id = "AROA";
  for (int i = 0; i < 17; ++i) id += kAlphabet[digest[i] & 31];
  return id;
}

}  // namespace understudy::sts
