#include "emulator/app/status.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>

#include "emulator/core/json.hpp"

namespace understudy::app {

int print_status(const std::string& host, unsigned short port) {
  namespace beast = boost::beast;
  namespace bhttp = beast::http;
  try {
    boost::asio::io_context io;
    boost::asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(5));
    stream.connect(resolver.resolve(host, std::to_string(port)));
    bhttp::request<bhttp::empty_body> req(bhttp::verb::get, "/_understudy/health", 11);
    req.set(bhttp::field::host, host);
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream, buffer, res);
    Json health = Json::parse(res.body(), nullptr, false);
    if (res.result_int() != 200 || !health.is_object()) {
      std::cerr << "understudy at " << host << ":" << port << " answered " << res.result_int() << "\n";
      return 1;
    }
    std::cout << "understudy " << health.value("version", "?") << " at http://" << host << ":" << port << ": "
              << health.value("status", "?") << "\n";
    for (auto it = health["services"].begin(); it != health["services"].end(); ++it)
      std::cout << "  " << it.key() << ": " << it.value().get<std::string>() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "understudy is not running at " << host << ":" << port << " (" << e.what() << ")\n";
    return 1;
  }
}

}  // namespace understudy::app
