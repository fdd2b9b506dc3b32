// Gzip-compressed bytes (AWS Data Exports writes CSV.gz) inflated, every member of a
// multi-member file. The inflated text is held to `max_bytes` too: a small file that would
// inflate past it (a gzip bomb) is refused, as is a truncated or corrupt stream. Throws ReadError.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/read_file.hpp"

namespace albsim {

bool is_gzip(std::string_view bytes);

// `bytes` inflated when they are gzip, else as they are; `what` names them in a message.
std::string inflated(std::string_view bytes, std::string_view what,
                     std::uint64_t max_bytes = kMaxFileBytes);

}  // namespace albsim
