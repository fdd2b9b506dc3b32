// A Report as bytes, exactly: what a shard file keeps per replication and what MPI ranks send.
// decode_report(encode_report(r)) equals r field for field, bit for bit. The layout follows the
// schema's visitors (albsim/report.hpp), so a new figure needs no change here.
#pragma once

#include <string>
#include <string_view>

#include "albsim/report.hpp"

namespace albsim {

std::string encode_report(const Report& report);

// Throws CorruptRecord (distribute/byte_codec.hpp) on bytes that are not one whole record.
Report decode_report(std::string_view bytes);

// 16 hex digits naming the record's layout: the FNV-1a-64 of its figures' names in order (the
// visitors of albsim/report.hpp). Shard files carry it, so that records written by an albsim
// with other figures are refused instead of misread.
std::string report_schema_fingerprint();

}  // namespace albsim
