// Gzip-compressed files (AWS Data Exports writes CSV.gz): read_file() of the file, inflated
// when it starts with gzip's magic bytes, with every member of a multi-member file. The inflated
// text is held to `max_bytes` too: a small file that would inflate past it (a gzip bomb) is
// refused, as is a truncated or corrupt stream. Throws ReadError.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/read_file.hpp"

namespace albsim {

bool is_gzip(std::string_view bytes);

std::string read_file_inflated(const std::string& path, std::string_view what,
                               std::uint64_t max_bytes = kMaxFileBytes);

}  // namespace albsim
