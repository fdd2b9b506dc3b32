// Bills as AWS exports them: a CUR 2.0 export (AWS Data Exports, CSV or CSV.gz; the legacy
// CUR's "lineItem/UsageType" headers too) or a FOCUS export, each file read whole, its public
// IPv4 and IPAM lines kept. Every fault is an InputError naming the file and line, and what to
// export instead.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace albsim {

// What a kept line charges for, from its usage type.
enum class BillUsage { in_use_address, idle_address, contiguous_block, ipam_ip_hours, other_ipv4 };

const char* usage_name(BillUsage usage);  // "InUseAddress", ..., "IPAM IP-Hours"

struct BillLine {
  BillUsage usage = BillUsage::in_use_address;
  std::uint32_t usage_type = 0;  // index into Bill::usage_types
  std::uint32_t resource = 0;    // index into Bill::resources ("" when the line has none)
  std::uint32_t region = 0;      // index into Bill::regions ("" when the line has none)
  std::uint32_t file = 0;        // index into Bill::files
  std::uint64_t line = 0;        // in its file, from 1
  double quantity = 0;           // IP-hours
  double cost = 0;               // USD, unblended (CUR) or billed (FOCUS)
  std::int64_t start_ms = 0;     // the line's usage period, UTC epoch ms, [start, end)
  std::int64_t end_ms = 0;
};

struct Bill {
  std::vector<std::string> files;
  std::vector<std::string> formats;  // per file: "CUR 2.0", "legacy CUR" or "FOCUS"
  std::vector<std::string> usage_types;
  std::vector<std::string> resources;
  std::vector<BillLine> lines;       // public IPv4 and IPAM usage, in file and line order
  std::vector<std::string> regions;  // of the kept lines
  std::uint64_t rows = 0;            // data rows read, every file
  std::uint64_t other_rows = 0;      // rows of other services and usage types
  std::uint64_t non_usage_rows = 0;  // public IPv4 rows that are not usage (tax, credit, ...)
};

// Reads every file into one bill. Throws InputError: a file that is not CSV (Parquet: how to
// get CSV), a header without the columns reconcile needs, a malformed value, a currency other
// than USD, lines of one resource and usage type whose hours overlap (the same hours exported
// twice), or no public IPv4 or IPAM line at all.
Bill read_bills(const std::vector<std::string>& paths);

// The same from files' bytes already read (gzip or not), each named for messages.
struct BillFile {
  std::string name;
  std::string bytes;
};
Bill parse_bills(const std::vector<BillFile>& files);

}  // namespace albsim
