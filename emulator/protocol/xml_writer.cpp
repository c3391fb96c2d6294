#include "emulator/protocol/xml_writer.hpp"

namespace understudy::protocol {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      // Parsers normalise raw CR and CRLF to LF; a reference keeps the CR the service stored.
      case '\r': out += "&#xD;"; break;
      default:
        // Other C0 controls are not allowed in XML 1.0, not even as references, and a
        // client's parser would reject the whole document; drop them instead.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
        out += c;
    }
  }
  return out;
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::open(std::string_view name, std::string_view attribute, std::string_view attribute_value) {
  out_ += '<';
  out_ += name;
  if (!attribute.empty()) {
    out_ += ' ';
    out_ += attribute;
    out_ += "=\"";
    out_ += xml_escape(attribute_value);
    out_ += '"';
  }
  out_ += '>';
  open_.emplace_back(name);
}

void XmlWriter::close() {
  if (open_.empty()) return;
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  open_.pop_back();
}

void XmlWriter::leaf(std::string_view name, std::string_view text) {
  out_ += '<';
  out_ += name;
  if (text.empty()) {
    out_ += "/>";
    return;
  }
  out_ += '>';
  out_ += xml_escape(text);
  out_ += "</";
  out_ += name;
  out_ += '>';
}

std::string XmlWriter::finish() {
  while (!open_.empty()) close();
  return std::move(out_);
}

}  // namespace understudy::protocol
