#include "io/read_file.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

namespace albsim {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's own parse error, "[json.exception.parse_error.101] parse error at line L, column C:
// <reason>", as "malformed JSON at line L, column C: <reason>".
ReadError malformed(const nlohmann::json::parse_error& e) {
  const std::string what = e.what();
  const auto at = what.find("at line");
  return ReadError("malformed JSON " + (at == std::string::npos ? what : what.substr(at)));
}

// A text that fails to parse and does not start as an object or array is most likely not JSON
// at all: YAML, or the AWS CLI's `--output text` or `table`. Says so, quoting how it starts
// (at most 30 bytes of its first line), instead of the parser's complaint about one character.
std::optional<ReadError> not_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] == '{' || text[first] == '[')
    return std::nullopt;
  const std::string_view start = text.substr(first, text.find_first_of("\r\n", first) - first);
  return ReadError("not JSON: it starts \"" + std::string(start.substr(0, 30)) +
                   (start.size() > 30 ? "...\"" : "\"") +
                   " (YAML, text or a table?); albsim reads JSON, which the AWS CLI prints with "
                   "--output json");
}

// A number too large for a double: nlohmann names the token, not where it is.
ReadError overflow(const nlohmann::json::out_of_range& e, std::string_view text) {
  const std::string what = e.what();
  const auto open = what.find('\''), close = what.rfind('\'');
  const std::string token =
      open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
  const std::size_t at = token.empty() ? std::string_view::npos : text.find(token);
  return ReadError("malformed JSON" +
                   (at == std::string_view::npos ? "" : " at " + line_and_column(text, at)) +
                   ": the number " + token + " does not fit a double");
}

// Refuses, before the parser builds anything, nesting deeper than kMaxJsonDepth and a NUL byte
// anywhere (JSON text holds none; nlohmann's parser would stop at one and ignore what follows):
// one pass over the bytes that counts brackets outside strings (a malformed text is otherwise
// left to the parser).
void check_structure(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0')
      throw ReadError("malformed JSON at " + line_and_column(text, i) +
                      ": a NUL byte (\\0), which JSON text never holds; the document must end "
                      "at its last byte");
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        throw ReadError("malformed JSON: nested deeper than " + std::to_string(kMaxJsonDepth) +
                        " arrays and objects");
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

template <class Json>
Json parse(std::string_view text) {
  check_structure(text);
  try {
    return Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    if (auto error = not_json(text)) throw *error;
    throw malformed(e);
  } catch (const nlohmann::json::out_of_range& e) {
    throw overflow(e, text);
  }
}

}  // namespace

void check_regular_file(const std::string& path, std::string_view what, std::uint64_t max_bytes) {
  namespace fs = std::filesystem;
  if (path.empty())
    throw ReadError("an empty path names no " + std::string(what) + "; give the file's path");
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status))
    throw ReadError("cannot open the " + std::string(what) + ": " +
                    (error ? error.message() : "no such file"));
  const auto kind = [&]() -> const char* {
    switch (status.type()) {
      case fs::file_type::regular:
        return nullptr;
      case fs::file_type::directory:
        return "a directory";
      case fs::file_type::fifo:
        return "a FIFO (a named pipe)";
      case fs::file_type::character:
        return "a character device";
      case fs::file_type::block:
        return "a block device";
      case fs::file_type::socket:
        return "a socket";
      default:
        return "a special file";
    }
  }();
  if (kind)
    throw ReadError(std::string("is ") + kind + ", not the " + std::string(what) +
                    "; albsim reads regular files only" +
                    (status.type() == fs::file_type::directory
                         ? ""
                         : " (save a pipe's or a device's output to a file first)"));
  const std::uintmax_t size = fs::file_size(path, error);
  if (!error && size > max_bytes)
    throw ReadError("is " + std::to_string(size >> 20) + " MiB, larger than the limit of " +
                    std::to_string(max_bytes >> 20) + " MiB for the " + std::string(what));
}

namespace {

// Reads `path` in pieces of at most `chunk_bytes`, at most `max_bytes` in all, and hands each to
// `consume` in order, a leading byte-order mark dropped.
template <class Consume>
void read_pieces(const std::string& path, std::string_view what, std::uint64_t max_bytes,
                 std::size_t chunk_bytes, Consume&& consume) {
  check_regular_file(path, what, max_bytes);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReadError("cannot open the " + std::string(what));
  std::vector<char> chunk(chunk_bytes);
  std::uint64_t total = 0;
  std::string head;  // the first bytes, until it is known whether they begin with a mark
  bool head_passed = false;
  auto pass_head = [&] {
    std::string_view first = head;
    if (first.substr(0, kByteOrderMark.size()) == kByteOrderMark)
      first.remove_prefix(kByteOrderMark.size());
    consume(first);
    head_passed = true;
    std::string().swap(head);
  };
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    total += got;
    if (total > max_bytes)
      throw ReadError("is larger than the limit of " + std::to_string(max_bytes >> 20) +
                      " MiB for the " + std::string(what));
    const std::string_view piece(chunk.data(), got);
    if (head_passed) {
      consume(piece);
      continue;
    }
    head.append(piece);
    if (head.size() >= kByteOrderMark.size()) pass_head();
  }
  if (in.bad()) throw ReadError("cannot read the " + std::string(what));
  if (!head_passed) pass_head();
}

}  // namespace

std::string read_file(const std::string& path, std::string_view what, std::uint64_t max_bytes) {
  std::string text;
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);  // one allocation for most files
  if (!error && size <= max_bytes) text.reserve(static_cast<std::size_t>(size));
  read_pieces(path, what, max_bytes, std::size_t{1} << 16,
              [&](std::string_view piece) { text.append(piece); });
  return text;
}

void read_file_by_lines(const std::string& path, std::string_view what, std::uint64_t max_bytes,
                        const std::function<void(std::string_view)>& consume) {
  std::string pending;  // the bytes after the last line end so far
  read_pieces(path, what, max_bytes, std::size_t{4} << 20, [&](std::string_view piece) {
    pending.append(piece);
    const std::size_t last_end = pending.find_last_of('\n');
    if (last_end == std::string::npos) return;
    consume(std::string_view(pending).substr(0, last_end + 1));
    pending.erase(0, last_end + 1);
  });
  consume(pending);
}

nlohmann::json parse_json(std::string_view text) {
  return parse<nlohmann::json>(text);
}

nlohmann::ordered_json parse_ordered_json(std::string_view text) {
  return parse<nlohmann::ordered_json>(text);
}

void parse_json_sax(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax) {
  check_structure(text);
  nlohmann::json::sax_parse(text, &sax);
}

ReadError json_sax_error(std::string_view text, std::size_t position, const std::exception& error) {
  // nlohmann's message is "[json.exception.<kind>] <reason>", the reason of a parse error
  // starting "parse error at line L, column C: " and of an overflow "number overflow ...".
  std::string reason = error.what();
  if (const auto bracket = reason.find("] "); bracket != std::string::npos)
    reason.erase(0, bracket + 2);
  if (const auto colon = reason.find(": ");
      reason.rfind("parse error", 0) == 0 && colon != std::string::npos)
    reason.erase(0, colon + 2);
  if (auto not_json_error = not_json(text)) return *not_json_error;
  return ReadError("malformed JSON at " + line_and_column(text, position > 0 ? position - 1 : 0) +
                   ": " + reason);
}

}  // namespace albsim
