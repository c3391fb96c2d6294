#pragma once
// CBOR (RFC 8949), as much of it as smithy rpc-v2-cbor needs, and no more trusting of the
// input than of any other bytes off a socket.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "emulator/core/json.hpp"

namespace understudy::cbor {

struct DecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One data item, which must be the whole of `bytes`. Byte strings become Json binary
// values, tag 1 (epoch time) becomes its number, other tags their content; undefined
// becomes null. Throws DecodeError on anything malformed, truncated, trailing or nested
// deeper than a request can reasonably be.
Json decode(std::string_view bytes);

// Builds CBOR item by item; the caller keeps the structure well formed.
class Writer {
 public:
  void unsigned_int(std::uint64_t v) { head(0, v); }
  void integer(std::int64_t v);
  void bytes(std::string_view b);
  void text(std::string_view s);
  void array(std::uint64_t size) { head(4, size); }
  void map(std::uint64_t size) { head(5, size); }
  void tag(std::uint64_t t) { head(6, t); }
  void boolean(bool b) { out_.push_back(static_cast<char>(b ? 0xf5 : 0xf4)); }
  void null() { out_.push_back(static_cast<char>(0xf6)); }
  // The shortest float (half, single, double) that holds `v` exactly.
  void floating(double v);
  void double_precision(double v);
  // Any Json value, binary values as byte strings.
  void value(const Json& v);

  const std::string& data() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void head(int major, std::uint64_t argument);
  std::string out_;
};

std::string encode(const Json& v);

}  // namespace understudy::cbor
