// A replication's record when the run keeps charges (albsim run --charges): its report's record
// (report_record.hpp), then its charge lines, exactly. What MPI ranks send rank 0.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "albsim/charges.hpp"

namespace albsim {

std::string encode_charged(const ChargedRun& run);

// Throws CorruptRecord on bytes that are not one whole record.
ChargedRun decode_charged(std::string_view bytes);

}  // namespace albsim
