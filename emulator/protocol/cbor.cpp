#include "emulator/protocol/cbor.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace understudy::cbor {
namespace {

constexpr int kMaxDepth = 128;
constexpr std::uint64_t kIndefinite = ~std::uint64_t{0};

double half_to_double(std::uint16_t h) {
  int exponent = (h >> 10) & 0x1f;
  double mantissa = h & 0x3ff;
  double v;
  if (exponent == 0)
    v = std::ldexp(mantissa, -24);
  else if (exponent == 31)
    v = mantissa == 0 ? INFINITY : NAN;
  else
    v = std::ldexp(mantissa + 1024, exponent - 25);
  return (h & 0x8000) ? -v : v;
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  Json item(int depth) {
    if (depth > kMaxDepth) throw DecodeError("CBOR nested more than " + std::to_string(kMaxDepth) + " levels deep");
    std::uint8_t initial = byte();
    int major = initial >> 5;
    int info = initial & 0x1f;
    switch (major) {
      case 0:
        return argument(info, false);
      case 1: {
        std::uint64_t n = argument(info, false);
        // -1 - n must fit in an int64; larger magnitudes have no place in an AWS value
        if (n > static_cast<std::uint64_t>(INT64_MAX)) throw DecodeError("CBOR negative integer out of range");
        return -1 - static_cast<std::int64_t>(n);
      }
      case 2: {
        std::string b = chunks(2, info);
        return Json::binary(Json::binary_t::container_type(b.begin(), b.end()));
      }
      case 3: {
        std::string s = chunks(3, info);
        return s;
      }
      case 4:
        return array(info, depth);
      case 5:
        return map(info, depth);
      case 6: {
        argument(info, false);  // tag 1 is epoch time, a number already; others carry their content
        return item(depth + 1);
      }
      default:
        return simple(info);
    }
  }

  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::uint8_t byte() {
    if (pos_ >= in_.size()) throw DecodeError("CBOR data ends in the middle of an item");
    return static_cast<std::uint8_t>(in_[pos_++]);
  }

  std::uint64_t be(int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | byte();
    return v;
  }

  std::uint64_t argument(int info, bool allow_indefinite) {
    if (info < 24) return static_cast<std::uint64_t>(info);
    switch (info) {
      case 24: return be(1);
      case 25: return be(2);
      case 26: return be(4);
      case 27: return be(8);
      case 31:
        if (allow_indefinite) return kIndefinite;
        throw DecodeError("CBOR indefinite length where none is allowed");
      default:
        throw DecodeError("CBOR reserved additional information " + std::to_string(info));
    }
  }

  std::string_view take(std::uint64_t n) {
    if (n > in_.size() - pos_) throw DecodeError("CBOR string longer than the data that holds it");
    std::string_view s = in_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return s;
  }

  bool next_is_break() {
    if (pos_ >= in_.size()) throw DecodeError("CBOR data ends before an indefinite item's break");
    if (static_cast<std::uint8_t>(in_[pos_]) != 0xff) return false;
    ++pos_;
    return true;
  }

  std::string chunks(int major, int info) {
    std::uint64_t n = argument(info, true);
    if (n != kIndefinite) return std::string(take(n));
    std::string out;
    while (!next_is_break()) {
      std::uint8_t initial = byte();
      if ((initial >> 5) != major || (initial & 0x1f) == 31)
        throw DecodeError("CBOR indefinite string holds a chunk of another type");
      out += take(argument(initial & 0x1f, false));
    }
    return out;
  }

  Json array(int info, int depth) {
    Json out = Json::array();
    std::uint64_t n = argument(info, true);
    if (n == kIndefinite) {
      while (!next_is_break()) out.push_back(item(depth + 1));
      return out;
    }
    // every item takes at least one byte: a bigger count is a lie, not an allocation to make
    if (n > in_.size() - pos_) throw DecodeError("CBOR array longer than the data that holds it");
    for (std::uint64_t i = 0; i < n; ++i) out.push_back(item(depth + 1));
    return out;
  }

  Json map(int info, int depth) {
    Json out = Json::object();
    std::uint64_t n = argument(info, true);
    if (n != kIndefinite && n > (in_.size() - pos_) / 2) throw DecodeError("CBOR map longer than the data that holds it");
    for (std::uint64_t i = 0; n == kIndefinite ? !next_is_break() : i < n; ++i) {
      Json key = item(depth + 1);
      if (!key.is_string()) throw DecodeError("CBOR map key is not a text string");
      Json value = item(depth + 1);
      out[key.get<std::string>()] = std::move(value);
    }
    return out;
  }

  Json simple(int info) {
    switch (info) {
      case 20: return false;
      case 21: return true;
      case 22:
      case 23: return nullptr;
      case 25: return half_to_double(static_cast<std::uint16_t>(be(2)));
      case 26: return static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(be(4))));
      case 27: return std::bit_cast<double>(be(8));
      case 31: throw DecodeError("CBOR break outside an indefinite item");
      default: throw DecodeError("CBOR simple value " + std::to_string(info) + " is not supported");
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

Json decode(std::string_view bytes) {
  Reader reader(bytes);
  Json out = reader.item(0);
  if (!reader.at_end()) throw DecodeError("CBOR data continues after its item");
  return out;
}

void Writer::head(int major, std::uint64_t argument) {
  auto first = static_cast<std::uint8_t>(major << 5);
  auto put = [&](int n) {
    for (int i = n - 1; i >= 0; --i) out_.push_back(static_cast<char>((argument >> (8 * i)) & 0xff));
  };
  if (argument < 24) {
    out_.push_back(static_cast<char>(first | argument));
  } else if (argument <= 0xff) {
    out_.push_back(static_cast<char>(first | 24));
    put(1);
  } else if (argument <= 0xffff) {
    out_.push_back(static_cast<char>(first | 25));
    put(2);
  } else if (argument <= 0xffffffff) {
    out_.push_back(static_cast<char>(first | 26));
    put(4);
  } else {
    out_.push_back(static_cast<char>(first | 27));
    put(8);
  }
}

void Writer::integer(std::int64_t v) {
  if (v >= 0)
    head(0, static_cast<std::uint64_t>(v));
  else
    head(1, static_cast<std::uint64_t>(-1 - v));
}

void Writer::bytes(std::string_view b) {
  head(2, b.size());
  out_ += b;
}

void Writer::text(std::string_view s) {
  head(3, s.size());
  out_ += s;
}

void Writer::double_precision(double v) {
  out_.push_back(static_cast<char>(0xfb));
  std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
  for (int i = 7; i >= 0; --i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void Writer::floating(double v) {
  if (std::isnan(v)) {
    out_ += std::string("\xf9\x7e\x00", 3);
    return;
  }
  // out of float's range the cast itself would be undefined
  if (std::isfinite(v) && std::fabs(v) > std::numeric_limits<float>::max()) {
    double_precision(v);
    return;
  }
  auto f = static_cast<float>(v);
  if (static_cast<double>(f) != v) {
    double_precision(v);
    return;
  }
  std::uint32_t bits = std::bit_cast<std::uint32_t>(f);
  // half precision when exponent and mantissa survive the trip (normal halves and infinities)
  std::uint32_t sign = (bits >> 16) & 0x8000;
  int exponent = static_cast<int>((bits >> 23) & 0xff) - 127 + 15;
  std::uint32_t mantissa = bits & 0x7fffff;
  bool half_ok = false;
  std::uint16_t half = 0;
  if (std::isinf(v)) {
    half = static_cast<std::uint16_t>(sign | 0x7c00);
    half_ok = true;
  } else if (v == 0) {
    half = static_cast<std::uint16_t>(sign);
    half_ok = true;
  } else if (exponent > 0 && exponent < 31 && (mantissa & 0x1fff) == 0) {
    half = static_cast<std::uint16_t>(sign | (exponent << 10) | (mantissa >> 13));
    half_ok = true;
  }
  if (half_ok) {
    out_.push_back(static_cast<char>(0xf9));
    out_.push_back(static_cast<char>(half >> 8));
    out_.push_back(static_cast<char>(half & 0xff));
    return;
  }
  out_.push_back(static_cast<char>(0xfa));
  for (int i = 3; i >= 0; --i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void Writer::value(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      null();
      break;
    case Json::value_t::boolean:
      boolean(v.get<bool>());
      break;
    case Json::value_t::number_integer:
      integer(v.get<std::int64_t>());
      break;
    case Json::value_t::number_unsigned:
      unsigned_int(v.get<std::uint64_t>());
      break;
    case Json::value_t::number_float:
      floating(v.get<double>());
      break;
    case Json::value_t::string:
      text(v.get_ref<const std::string&>());
      break;
    case Json::value_t::binary: {
      const auto& b = v.get_binary();
      bytes(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
      break;
    }
    case Json::value_t::array:
      array(v.size());
      for (const Json& e : v) value(e);
      break;
    case Json::value_t::object:
      map(v.size());
      for (auto it = v.begin(); it != v.end(); ++it) {
        text(it.key());
        value(it.value());
      }
      break;
  }
}

std::string encode(const Json& v) {
  Writer w;
  w.value(v);
  return w.take();
}

}  // namespace understudy::cbor
