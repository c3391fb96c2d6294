// Input validation against the model, with each wire's own error vocabulary: AWS's
// Coral messages for the JSON-ish wires, the query protocol's parameter messages for
// query and ec2.
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "emulator/core/base64.hpp"
#include "emulator/protocol/codecs.hpp"

namespace understudy::protocol::detail {
namespace {

using model::Type;

const char* json_type_name(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "a list";
    case Json::value_t::object: return "an object";
    default: return "a value";
  }
}

const char* expected_name(Type t) {
  switch (t) {
    case Type::Structure:
    case Type::Map: return "an object";
    case Type::List: return "a list";
    case Type::String: return "a string";
    case Type::Integer:
    case Type::Long: return "an integer";
    case Type::Float:
    case Type::Double: return "a number";
    case Type::Boolean: return "a boolean";
    case Type::Timestamp: return "a timestamp";
    case Type::Blob: return "base64-encoded bytes";
  }
  return "a value";
}

bool integral(const Json& v) {
  if (v.is_number_integer()) return true;
  if (!v.is_number_float()) return false;
  double d = v.get<double>();
  return std::isfinite(d) && std::floor(d) == d;
}

bool of_type(Type t, const Json& v) {
  switch (t) {
    case Type::Structure:
    case Type::Map: return v.is_object();
    case Type::List: return v.is_array();
    case Type::String: return v.is_string();
    case Type::Integer:
    case Type::Long: return integral(v);
    case Type::Float:
    case Type::Double: return v.is_number();
    case Type::Boolean: return v.is_boolean();
    case Type::Timestamp: return v.is_number();
    case Type::Blob: return v.is_string() && base64_decode(v.get<std::string>()).has_value();
  }
  return false;
}

class Checker {
 public:
  Checker(const model::Service& service, Wire wire) : service_(service), wire_(wire) {}

  void check(const model::Ref& ref, const Json& value, const std::string& path) {
    const model::Shape& shape = service_.shape_of(ref);
    if (ref.flags & model::kJsonValue) return;  // any JSON document, carried in a header
    if (!of_type(shape.type, value)) {
      wrong_.push_back({path, std::string(expected_name(shape.type)), value});
      return;
    }
    switch (shape.type) {
      case Type::Structure:
        for (const model::Ref& m : service_.members(shape)) {
          std::string member_path = join(path, member_segment(m));
          auto it = value.find(std::string(m.name));
          if (it == value.end() || it->is_null()) {
            if (m.flags & model::kRequired) missing_.push_back(member_path);
            continue;
          }
          check(m, *it, member_path);
        }
        break;
      case Type::List: {
        const model::Ref& member = service_.members(shape)[0];
        std::size_t i = 0;
        for (const Json& e : value) {
          ++i;
          if (!e.is_null()) check(member, e, join(path, list_segment(shape, i)));
        }
        break;
      }
      case Type::Map: {
        const model::Ref& v = service_.members(shape)[1];
        for (auto it = value.begin(); it != value.end(); ++it)
          if (!it->is_null()) check(v, *it, join(path, it.key()));
        break;
      }
      default:
        break;
    }
  }

  void raise() const {
    bool query = wire_ == Wire::Query || wire_ == Wire::Ec2;
    if (!wrong_.empty()) {
      const Wrong& w = wrong_.front();
      std::string shown = w.value.is_string() ? w.value.get<std::string>() : w.value.dump();
      if (query)
        throw AwsError("InvalidParameterValue",
                       "Value (" + shown + ") for parameter " + w.path + " is invalid. Expected " + w.expected + ".");
      throw AwsError("SerializationException", "Value at '" + w.path + "' must be " + w.expected + ", not " +
                                                   json_type_name(w.value) + " (" + shown + ")");
    }
    if (missing_.empty()) return;
    if (query) throw AwsError("MissingParameter", "The request must contain the parameter " + missing_.front());
    std::string message = std::to_string(missing_.size()) +
                          (missing_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    for (std::size_t i = 0; i < missing_.size(); ++i)
      message += (i ? "; " : "") + ("Value null at '" + missing_[i] +
                                    "' failed to satisfy constraint: Member must not be null");
    throw AwsError("ValidationException", message);
  }

 private:
  struct Wrong {
    std::string path, expected;
    Json value;
  };

  static std::string join(const std::string& path, const std::string& segment) {
    return path.empty() ? segment : path + "." + segment;
  }

  // AWS names members in its messages as its wire does: Coral's lowerCamel member paths
  // for JSON-ish wires, the parameter names for query and ec2.
  std::string member_segment(const model::Ref& m) const {
    std::string name(m.name);
    if (wire_ == Wire::Query) {
      if (!m.location_name.empty()) name = m.location_name;
    } else if (wire_ == Wire::Ec2) {
      if (!m.query_name.empty())
        name = m.query_name;
      else if (!m.location_name.empty())
        name = m.location_name;
      if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    } else if (!name.empty()) {
      name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    }
    return name;
  }

  std::string list_segment(const model::Shape& list, std::size_t i) const {
    if (wire_ == Wire::Ec2 || (wire_ == Wire::Query && (list.flags & model::kFlattened))) return std::to_string(i);
    if (wire_ == Wire::Query) return "member." + std::to_string(i);
    return std::to_string(i) + ".member";
  }

  const model::Service& service_;
  Wire wire_;
  std::vector<std::string> missing_;
  std::vector<Wrong> wrong_;
};

}  // namespace

void validate_input(const model::Service& service, const model::Ref& input, const Json& value, Wire wire) {
  Checker checker(service, wire);
  checker.check(input, value, "");
  checker.raise();
}

}  // namespace understudy::protocol::detail
