// A Report as bytes, exactly: what a shard file keeps per replication and what MPI ranks send.
// decode_report(encode_report(r)) equals r field for field, bit for bit.
#pragma once

#include <string>
#include <string_view>

#include "albsim/report.hpp"

namespace albsim {

std::string encode_report(const Report& report);

// Throws CorruptRecord (distribute/byte_codec.hpp) on bytes that are not one whole record.
Report decode_report(std::string_view bytes);

}  // namespace albsim
