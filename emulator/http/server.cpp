#include "emulator/http/server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <csignal>
#include <vector>

#include "emulator/core/log.hpp"

namespace understudy::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

struct SharedState {
  const ServerOptions& options;
  Dispatcher& dispatcher;
  bool stopping = false;
};

protocol::HttpRequest to_protocol(bhttp::request<bhttp::string_body>&& req) {
  protocol::HttpRequest out;
  out.method = std::string(req.method_string());
  out.target = std::string(req.target());
  out.headers.reserve(16);
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(req.body());
  return out;
}

// One connection: reads requests one after another (keep-alive), answers each through
// the dispatcher. Its lifetime is held by the handlers in flight (shared_from_this).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, SharedState& shared) : stream_(std::move(socket)), shared_(shared) {}

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // Shutdown: an idle connection is closed now; a busy one closes after its response.
  void stop_if_idle() {
    if (!busy_) close();
  }

 private:
  void read_header() {
    busy_ = false;
    if (shared_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(64 * 1024);
    parser_->body_limit(shared_.options.body_limit);
    stream_.expires_after(shared_.options.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    // Beast refuses a declared Content-Length over the limit while reading the header.
    if (ec == bhttp::error::body_limit)
      return reply_and_close(413, "Request body too large: the limit is " +
                                      std::to_string(shared_.options.body_limit) + " bytes");
    if (ec) {
      if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout && ec != asio::error::operation_aborted &&
          ec != asio::error::connection_reset && ec != asio::error::eof)
        return reply_and_close(400, "Bad Request: " + ec.message());
      return close();
    }
    busy_ = true;
    if (auto length = parser_->content_length(); length && *length > shared_.options.body_limit)
      return reply_and_close(413, "Request body too large: the limit is " +
                                      std::to_string(shared_.options.body_limit) + " bytes");
    auto& req = parser_->get();
    if (beast::iequals(req[bhttp::field::expect], "100-continue")) {
      auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, req.version());
      bhttp::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
        if (ec) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    stream_.expires_after(shared_.options.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::body_limit)
      return reply_and_close(413, "Request body too large: the limit is " +
                                      std::to_string(shared_.options.body_limit) + " bytes");
    if (ec) return close();
    auto req = parser_->release();
    const bool keep_alive = req.keep_alive();
    const unsigned version = req.version();
    protocol::HttpResponse answer = shared_.dispatcher.handle(to_protocol(std::move(req)));
    send(std::move(answer), version, keep_alive && !shared_.stopping);
  }

  void send(protocol::HttpResponse&& answer, unsigned version, bool keep_alive) {
    response_.emplace(static_cast<bhttp::status>(answer.status), version);
    response_->set(bhttp::field::server, "Understudy");
    for (auto& [name, value] : answer.headers) response_->set(name, value);
    response_->body() = std::move(answer.body);
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    stream_.expires_after(shared_.options.request_timeout);
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                         self->response_.reset();
                         if (ec || !keep_alive) return self->close();
                         self->read_header();
                       });
  }

  void reply_and_close(int status, const std::string& message) {
    busy_ = true;
    protocol::HttpResponse r;
    r.status = status;
    r.set_header("Content-Type", "text/plain");
    r.body = message + "\n";
    send(std::move(r), 11, false);
  }

  void close() {
    busy_ = false;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  SharedState& shared_;
  bool busy_ = false;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions opts, Dispatcher& dispatcher)
      : options(std::move(opts)),
        shared{options, dispatcher},
        acceptor(io),
        signals(io, SIGTERM, SIGINT),
        tick_timer(io),
        grace_timer(io),
        drain_timer(io) {
    tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
  }

  void accept() {
    acceptor.async_accept(io, [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!shared.stopping) log::warn("accept: " + ec.message());
        if (shared.stopping || ec == asio::error::operation_aborted) return;
      } else {
        socket.set_option(tcp::no_delay(true));
        auto session = std::make_shared<Session>(std::move(socket), shared);
        std::erase_if(sessions, [](const std::weak_ptr<Session>& w) { return w.expired(); });
        sessions.push_back(session);
        session->start();
      }
      accept();
    });
  }

  void schedule_tick() {
    tick_timer.expires_after(tick_interval);
    tick_timer.async_wait([this](beast::error_code ec) {
      if (ec || shared.stopping) return;
      try {
        tick();
      } catch (const std::exception& e) {
        log::error(std::string("tick: ") + e.what());
      }
      schedule_tick();
    });
  }

  void stop() {
    if (shared.stopping) return;
    shared.stopping = true;
    log::info("shutting down: finishing requests in flight");
    beast::error_code ec;
    acceptor.close(ec);
    tick_timer.cancel();
    signals.cancel();
    for (auto& w : sessions)
      if (auto s = w.lock()) s->stop_if_idle();
    // In-flight requests get a grace period; after it the loop stops regardless.
    grace_timer.expires_after(options.shutdown_grace);
    grace_timer.async_wait([this](beast::error_code ec) {
      if (!ec) io.stop();
    });
    wait_for_sessions();
  }

  // Ends the grace period as soon as the last connection has closed.
  void wait_for_sessions() {
    std::erase_if(sessions, [](const std::weak_ptr<Session>& w) { return w.expired(); });
    if (sessions.empty()) {
      grace_timer.cancel();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([this](beast::error_code ec) {
      if (!ec) wait_for_sessions();
    });
  }

  ServerOptions options;
  asio::io_context io{1};
  SharedState shared;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer tick_timer;
  asio::steady_timer grace_timer;
  asio::steady_timer drain_timer;
  std::vector<std::weak_ptr<Session>> sessions;
  std::function<void()> tick;
  std::chrono::milliseconds tick_interval{1000};
};

Server::Server(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() = default;

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run(std::function<void()> tick, std::chrono::milliseconds tick_interval) {
  std::signal(SIGPIPE, SIG_IGN);
  impl_->tick = std::move(tick);
  impl_->tick_interval = tick_interval;
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->stop();
  });
  impl_->accept();
  impl_->schedule_tick();
  impl_->io.run();
  // Sessions still open after the grace period are dropped with the io_context.
}

}  // namespace understudy::http
