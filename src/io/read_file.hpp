// The one reader of external files: every scenario, trace, ip-ranges.json and AWS CLI output goes
// through read_file() (or, for a CSV read in pieces, read_file_by_lines()), and every JSON text
// through parse_json(), so the input boundary is closed in one place. They throw ReadError,
// whose message says what is wrong (without the path); the caller names the file, and the JSON
// pointer where it has one.
//
// Limits (documented in docs/robustness.md), each failing fast:
// - a path must be a regular file (check_regular_file): a FIFO, a device or a directory is
//   refused before it is opened, so nothing blocks on a pipe or reads /dev/zero;
// - a file is at most kMaxFileBytes (a JSON document at most kMaxJsonBytes), checked from its
//   size before reading, and again while reading in chunks (a file that grows meanwhile);
// - JSON nests at most kMaxJsonDepth arrays and objects and holds no NUL byte (the document
//   ends at its last byte: nothing is ignored after it);
// - a number must fit a double (1e400 does not).
// A leading UTF-8 byte-order mark is dropped.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "albsim/input_error.hpp"

namespace albsim {

inline constexpr std::uint64_t kMaxFileBytes = 1ULL << 30;   // 1 GiB: a year of per-second rows
inline constexpr std::uint64_t kMaxJsonBytes = 64ULL << 20;  // 64 MiB
inline constexpr int kMaxJsonDepth = 64;

// Its message is one printable line (printable_line): text quoted from the input, a NUL or an
// escape sequence included, survives what() whole.
class ReadError : public std::runtime_error {
 public:
  explicit ReadError(const std::string& what)
      : std::runtime_error(printable_line(what, kMaxMessage)) {}
};

// In these readers `what` is a noun phrase naming the file's role ("trace file", "bill"), which
// the messages complete: "cannot open the <what>: no such file", "is a FIFO (a named pipe), not
// the <what>; ...", "is 70 MiB, larger than the limit of 64 MiB for the <what>".

// Throws ReadError unless `path` names a regular file of at most `max_bytes` (from its size,
// without reading it).
void check_regular_file(const std::string& path, std::string_view what, std::uint64_t max_bytes);

// The whole file, at most `max_bytes`.
std::string read_file(const std::string& path, std::string_view what,
                      std::uint64_t max_bytes = kMaxFileBytes);

// The file's text handed to `consume` in pieces that end at a line end (the last piece: what
// follows the last line end, maybe nothing), with the limits and messages of read_file: a CSV
// of any size is read without holding all of it.
void read_file_by_lines(const std::string& path, std::string_view what, std::uint64_t max_bytes,
                        const std::function<void(std::string_view)>& consume);

// JSON text; a fault reads "malformed JSON at line L, column C: <reason>", or for a text that
// does not start with { or [ (YAML, the AWS CLI's text or table output) "not JSON: it starts
// "<its first bytes>" ...".
nlohmann::json parse_json(std::string_view text);
nlohmann::ordered_json parse_ordered_json(std::string_view text);

// JSON text streamed into `sax` with the limits and messages of parse_json, for a large AWS
// output whose few fields are wanted without a tree of it. A fault the parser meets reaches
// `sax.parse_error`, which should throw json_sax_error(text, position, error).
void parse_json_sax(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax);
ReadError json_sax_error(std::string_view text, std::size_t position, const std::exception& error);

}  // namespace albsim
