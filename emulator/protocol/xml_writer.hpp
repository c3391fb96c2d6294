#pragma once
// A small streaming XML writer: elements, attributes and escaped text, nothing else.
// Enough for the XML that the query and ec2 protocols answer with.
#include <string>
#include <string_view>
#include <vector>

namespace understudy::protocol {

// Escapes text for element content and attribute values alike.
std::string xml_escape(std::string_view text);

class XmlWriter {
 public:
  // Starts the document with the XML declaration.
  XmlWriter();

  // <name attr="value">; pass an empty attribute name for none.
  void open(std::string_view name, std::string_view attribute = {}, std::string_view attribute_value = {});
  void close();
  // <name>text</name>, or <name/> when the text is empty.
  void leaf(std::string_view name, std::string_view text);

  // Closes whatever is still open and hands the document over.
  std::string finish();

 private:
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace understudy::protocol
