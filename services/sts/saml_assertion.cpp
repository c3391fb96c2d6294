#include "services/sts/saml_assertion.hpp"

#include <cctype>
#include <string_view>

#include "emulator/core/base64.hpp"
#include "services/sts/errors.hpp"

namespace understudy::sts {
namespace {

// Elements are matched by local name whatever their namespace prefix (saml:, saml2:,
// none), which is all the structure AWS's attributes need.
struct Element {
  std::string_view attributes;  // the text of the start tag after its name
  std::string_view content;     // between start and end tag; empty for <x/>
  std::size_t end = std::string_view::npos;
};

bool local_name_is(std::string_view qualified, std::string_view local) {
  auto colon = qualified.rfind(':');
  return (colon == std::string_view::npos ? qualified : qualified.substr(colon + 1)) == local;
}

std::optional<Element> find_element(std::string_view xml, std::string_view local, std::size_t from = 0) {
  for (auto lt = xml.find('<', from); lt != std::string_view::npos; lt = xml.find('<', lt + 1)) {
    auto name_end = xml.find_first_of(" \t\r\n/>", lt + 1);
    if (name_end == std::string_view::npos) return std::nullopt;
    auto name = xml.substr(lt + 1, name_end - lt - 1);
    if (name.empty() || name[0] == '/' || name[0] == '?' || name[0] == '!' || !local_name_is(name, local)) continue;
    auto gt = xml.find('>', name_end);
    if (gt == std::string_view::npos) return std::nullopt;
    Element element;
    element.attributes = xml.substr(name_end, gt - name_end);
    if (xml[gt - 1] == '/') {
      element.end = gt + 1;
      return element;
    }
    std::string closing = "</" + std::string(name) + ">";
    auto close = xml.find(closing, gt + 1);
    if (close == std::string_view::npos) return std::nullopt;
    element.content = xml.substr(gt + 1, close - gt - 1);
    element.end = close + closing.size();
    return element;
  }
  return std::nullopt;
}

std::string attribute(std::string_view attributes, std::string_view name) {
  for (char quote : {'"', '\''}) {
    std::string needle = std::string(name) + "=" + quote;
    auto at = attributes.find(needle);
    while (at != std::string_view::npos && at > 0 && !std::isspace(static_cast<unsigned char>(attributes[at - 1])))
      at = attributes.find(needle, at + 1);
    if (at == std::string_view::npos) continue;
    auto start = at + needle.size();
    auto end = attributes.find(quote, start);
    if (end != std::string_view::npos) return std::string(attributes.substr(start, end - start));
  }
  return {};
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::optional<std::string> aws_attribute(std::string_view xml, std::string_view name) {
  for (auto element = find_element(xml, "Attribute"); element; element = find_element(xml, "Attribute", element->end)) {
    if (attribute(element->attributes, "Name") != name) continue;
    if (auto value = find_element(element->content, "AttributeValue")) return trimmed(value->content);
  }
  return std::nullopt;
}

}  // namespace

SamlAssertion parse_saml_assertion(const std::string& encoded) {
  std::string compact;
  for (char c : encoded)
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  auto xml = base64_decode(compact);
  if (!xml || xml->find('<') == std::string::npos)
    throw invalid_identity_token(
        "Invalid base64 SAMLResponse (check that the provider-supplied SAML response is base64 encoded)");
  auto response = find_element(*xml, "Response");
  auto assertion = find_element(*xml, "Assertion");
  if (!response || !assertion) throw invalid_identity_token("Response is not a SAML 2.0 Response with an Assertion");

  SamlAssertion out;
  if (auto issuer = find_element(assertion->content, "Issuer")) out.issuer = trimmed(issuer->content);
  if (auto name_id = find_element(assertion->content, "NameID")) {
    out.subject = trimmed(name_id->content);
    out.subject_format = attribute(name_id->attributes, "Format");
  }
  if (auto audience = find_element(assertion->content, "Audience")) out.audience = trimmed(audience->content);
  if (out.issuer.empty()) throw invalid_identity_token("The SAML assertion has no Issuer");
  if (out.subject.empty()) throw invalid_identity_token("The SAML assertion has no Subject NameID");

  auto session_name = aws_attribute(assertion->content, "https://aws.amazon.com/SAML/Attributes/RoleSessionName");
  if (!session_name || session_name->empty())
    throw invalid_identity_token(
        "The SAML assertion lacks the attribute https://aws.amazon.com/SAML/Attributes/RoleSessionName");
  out.role_session_name = *session_name;
  if (auto duration = aws_attribute(assertion->content, "https://aws.amazon.com/SAML/Attributes/SessionDuration")) {
    try {
      out.session_duration = std::stoll(*duration);
    } catch (const std::exception&) {
      throw invalid_identity_token("SessionDuration attribute '" + *duration + "' is not a number of seconds");
    }
  }
  return out;
}

}  // namespace understudy::sts
