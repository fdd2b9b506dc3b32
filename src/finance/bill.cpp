#include "finance/bill.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"
#include "finance/bill_columns.hpp"
#include "io/csv_rows.hpp"
#include "io/gzip.hpp"

namespace albsim {
namespace {

// The largest IP-hours or USD of one line, either way: far above any real bill's (a /16 for a
// month is 49 million IP-hours), far below what summing a bill's lines could overflow.
constexpr double kMaxBillFigure = 1e15;

std::string at_line(std::uint64_t line) {
  return "line " + std::to_string(line);
}

// The usage a public IPv4 or IPAM usage type charges for; nullopt for other usage types.
std::optional<BillUsage> usage_of(const std::string& usage_type) {
  if (usage_type.find("IPAddressManager-IP-Hours") != std::string::npos)
    return BillUsage::ipam_ip_hours;
  const std::size_t at = usage_type.find("PublicIPv4:");
  if (at == std::string::npos) return std::nullopt;
  const std::string_view kind = std::string_view(usage_type).substr(at + 11);
  if (kind == "InUseAddress") return BillUsage::in_use_address;
  if (kind == "IdleAddress") return BillUsage::idle_address;
  if (kind == "ContiguousBlock") return BillUsage::contiguous_block;
  return BillUsage::other_ipv4;
}

class BillReader {
 public:
  explicit BillReader(Bill& bill) : bill_(bill) {}

  void read(const std::string& path, std::string_view bytes) {
    const std::string text = text_of(path, bytes);
    const auto file = static_cast<std::uint32_t>(bill_.files.size());
    bill_.files.push_back(path);
    CsvRows rows(text);
    std::vector<std::string> f;
    try {
      if (!rows.next(f)) throw InputError(path, "", "empty: no header row; " + kExport);
      std::string missing;
      const std::optional<BillColumns> found = bill_columns(f, missing);
      if (!found)
        throw InputError(path, at_line(1),
                         missing.empty() ? "not a CUR 2.0 or FOCUS export (its header has neither "
                                           "line_item_usage_type nor BilledCost); " +
                                               kExport
                                         : "the header lacks " + missing + "; " + kExport);
      const BillColumns& c = *found;
      bill_.formats.push_back(c.format);
      const std::size_t width = f.size();
      while (rows.next(f)) {
        ++bill_.rows;
        if (f.size() != width)
          throw InputError(path, at_line(rows.line()),
                           std::to_string(f.size()) + " fields where the header has " +
                               std::to_string(width) + " (a comma inside an unquoted field?)");
        const std::optional<BillUsage> usage = usage_of(f[c.usage_type]);
        if (!usage) {
          ++bill_.other_rows;
          continue;
        }
        if (c.line_type && !f[*c.line_type].empty() && f[*c.line_type] != c.line_type_usage) {
          ++bill_.non_usage_rows;
          continue;
        }
        keep(path, file, rows.line(), c, f, *usage);
      }
    } catch (const CsvError& e) {
      throw InputError(path, at_line(e.line), e.problem);
    }
  }

  void finish() {
    if (bill_.lines.empty())
      throw InputError(
          bill_.files.back(), "",
          "no public IPv4 or IPAM line (usage types like USE1-PublicIPv4:InUseAddress, "
          "USE1-PublicIPv4:ContiguousBlock, USE1-IPAddressManager-IP-Hours) in " +
              std::to_string(bill_.rows) + " rows; " + kExport);
    check_overlaps();
  }

 private:
  static inline const std::string kExport =
      "export a CUR 2.0 (or FOCUS 1.2) table from AWS Data Exports as CSV, with the resource "
      "IDs included";

  static std::string text_of(const std::string& path, std::string_view bytes) {
    std::string text;
    try {
      text = inflated(bytes, "the bill");
    } catch (const ReadError& e) {
      throw InputError(path, "", e.what());
    }
    if (text.rfind("PAR1", 0) == 0)
      throw InputError(path, "",
                       "a Parquet file: albsim reads CSV; in AWS Data Exports choose the file "
                       "format \"text/csv\" (gzip is fine) for this export");
    return text;
  }

  std::uint32_t intern(std::vector<std::string>& names,
                       std::unordered_map<std::string, std::uint32_t>& index,
                       const std::string& name) {
    const auto [it, added] = index.try_emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(name);
    return it->second;
  }

  static double number(const std::string& path, std::uint64_t line, const std::string& column,
                       const std::string& text) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value))
      throw InputError(path, at_line(line),
                       column + ": \"" + text + "\" is not a number (a decimal like 0.005)");
    // Bounded where read, so that no sum of a bill's lines (at most 1 GiB of them) overflows.
    if (std::abs(value) > kMaxBillFigure)
      throw InputError(
          path, at_line(line),
          column + ": \"" + text + "\" is beyond 1e15 either way, more than any bill line holds");
    return value;
  }

  // An export's time: ISO-8601 with a zone, or without one (Athena's "2026-11-01 00:00:00.000"):
  // AWS bills in UTC, so a time without a zone is UTC.
  static std::int64_t time(const std::string& path, std::uint64_t line, const std::string& column,
                           const std::string& text) {
    if (auto t = parse_iso8601(text)) return *t;
    if (auto t = parse_iso8601(text + "Z")) return *t;
    throw InputError(path, at_line(line),
                     column + ": \"" + text + "\" is not a time (like 2026-11-01T00:00:00Z)");
  }

  void keep(const std::string& path, std::uint32_t file, std::uint64_t line, const BillColumns& c,
            const std::vector<std::string>& f, BillUsage usage) {
    if (c.currency && !f[*c.currency].empty() && f[*c.currency] != "USD")
      throw InputError(
          path, at_line(line),
          "the bill is in " + f[*c.currency] + "; albsim prices in USD: export the bill in USD");
    BillLine l;
    l.usage = usage;
    l.usage_type = intern(bill_.usage_types, usage_types_, f[c.usage_type]);
    l.resource = intern(bill_.resources, resources_, c.resource ? f[*c.resource] : std::string());
    l.region = intern(bill_.regions, regions_, c.region ? f[*c.region] : std::string());
    l.file = file;
    l.line = line;
    l.quantity = number(path, line, c.quantity_name, f[c.quantity]);
    l.cost = number(path, line, c.cost_name, f[c.cost]);
    l.start_ms = time(path, line, c.start_name, f[c.start]);
    l.end_ms =
        time(path, line,
             c.start_name == "ChargePeriodStart" ? "ChargePeriodEnd" : "line_item_usage_end_date",
             f[c.end]);
    if (l.end_ms <= l.start_ms)
      throw InputError(path, at_line(line), "the usage period ends before it starts");
    bill_.lines.push_back(l);
  }

  // Lines of one usage type and resource must not share an hour: two exports of the same days.
  void check_overlaps() const {
    std::vector<const BillLine*> sorted;
    sorted.reserve(bill_.lines.size());
    for (const BillLine& l : bill_.lines)
      if (!bill_.resources[l.resource].empty()) sorted.push_back(&l);
    std::sort(sorted.begin(), sorted.end(), [](const BillLine* a, const BillLine* b) {
      return std::tie(a->usage_type, a->resource, a->start_ms) <
             std::tie(b->usage_type, b->resource, b->start_ms);
    });
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      const BillLine& a = *sorted[i - 1];
      const BillLine& b = *sorted[i];
      if (a.usage_type == b.usage_type && a.resource == b.resource && b.start_ms < a.end_ms)
        throw InputError(bill_.files[b.file], at_line(b.line),
                         bill_.usage_types[b.usage_type] + " of " + bill_.resources[b.resource] +
                             " from " + format_iso8601_utc(b.start_ms) + " overlaps " +
                             bill_.files[a.file] + " " + at_line(a.line) +
                             ": the same hours exported twice? give each period once");
    }
  }

  Bill& bill_;
  std::unordered_map<std::string, std::uint32_t> usage_types_;
  std::unordered_map<std::string, std::uint32_t> resources_;
  std::unordered_map<std::string, std::uint32_t> regions_;
};

}  // namespace

const char* usage_name(BillUsage usage) {
  switch (usage) {
    case BillUsage::in_use_address:
      return "InUseAddress";
    case BillUsage::idle_address:
      return "IdleAddress";
    case BillUsage::contiguous_block:
      return "ContiguousBlock";
    case BillUsage::ipam_ip_hours:
      return "IPAM IP-Hours";
    case BillUsage::other_ipv4:
      return "other PublicIPv4";
  }
  return "";
}

Bill parse_bills(const std::vector<BillFile>& files) {
  Bill bill;
  BillReader reader(bill);
  for (const BillFile& file : files) reader.read(file.name, file.bytes);
  reader.finish();
  return bill;
}

Bill read_bills(const std::vector<std::string>& paths) {
  Bill bill;
  BillReader reader(bill);
  for (const std::string& path : paths) {
    std::string bytes;
    try {
      bytes = read_file(path, "bill");
    } catch (const ReadError& e) {
      throw InputError(path, "", e.what());
    }
    reader.read(path, bytes);
  }
  reader.finish();
  return bill;
}

}  // namespace albsim
