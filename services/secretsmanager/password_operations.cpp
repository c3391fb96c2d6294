// GetRandomPassword.
#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/random_password.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {

Json SecretsManager::GetRandomPassword(const Json& input, const RequestContext& ctx) {
  PasswordOptions options;
  if (auto length = input.find("PasswordLength"); length != input.end() && !length->is_null()) {
    const long long n = length->get<long long>();
    if (n < 1 || n > 4096)
      throw validation_error("1 validation error detected: Value '" + std::to_string(n) +
                             "' at 'passwordLength' failed to satisfy constraint: Member must have value " +
                             (n < 1 ? "greater than or equal to 1" : "less than or equal to 4096"));
    options.length = static_cast<std::size_t>(n);
  }
  options.exclude_characters = input.value("ExcludeCharacters", std::string());
  options.exclude_numbers = input.value("ExcludeNumbers", false);
  options.exclude_punctuation = input.value("ExcludePunctuation", false);
  options.exclude_uppercase = input.value("ExcludeUppercase", false);
  options.exclude_lowercase = input.value("ExcludeLowercase", false);
  options.include_space = input.value("IncludeSpace", false);
  options.require_each_included_type = input.value("RequireEachIncludedType", true);
  return {{"RandomPassword", random_password(options)}};
}

}  // namespace understudy::secretsmanager
