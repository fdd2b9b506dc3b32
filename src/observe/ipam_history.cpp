#include "observe/ipam_history.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>
#include <string_view>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "core/calendar.hpp"
#include "io/aws_pages.hpp"
#include "io/read_file.hpp"

namespace albsim {
namespace {

// One record of HistoryRecords: the string fields albsim reads (others are ignored).
struct HistoryRecord {
  std::string type, id, cidr, start, end;
  bool end_given = false;  // a SampledEndTime other than null
};

// One page of get-ipam-address-history output, streamed (a year of a pool's history is tens of
// megabytes; no tree of it is built): `visit(record, pointer)` for each record in order.
class HistoryPage final : public nlohmann::json_sax<nlohmann::json> {
 public:
  using Visit = std::function<void(const HistoryRecord&, const std::string& pointer)>;
  HistoryPage(std::string_view text, const std::string& file, Visit visit)
      : text_(text), file_(file), visit_(std::move(visit)) {}

  bool has_records = false;  // HistoryRecords is an array
  bool continues = false;    // a NextToken follows

  // Depths: 1 the page object, 2 the HistoryRecords array, 3 a record.
  bool start_object(std::size_t) override {
    if (++depth_ == 3 && in_records_) record_ = HistoryRecord{};
    return true;
  }
  bool end_object() override {
    if (depth_-- == 3 && in_records_) {
      visit_(record_, pointer());
      ++index_;
    }
    return true;
  }
  bool start_array(std::size_t) override {
    if (++depth_ == 2 && key_ == "HistoryRecords") in_records_ = has_records = true;
    if (depth_ == 3 && in_records_) not_a_record();
    return true;
  }
  bool end_array() override {
    if (depth_-- == 2) in_records_ = false;
    return true;
  }
  bool key(string_t& key) override {
    (depth_ == 1 ? key_ : field_) = key;
    return true;
  }
  bool string(string_t& value) override {
    if (depth_ == 1 && key_ == "NextToken") continues = !value.empty();
    return scalar(&value, false);
  }
  bool null() override { return scalar(nullptr, true); }
  bool boolean(bool) override { return scalar(nullptr, false); }
  bool number_integer(number_integer_t) override { return scalar(nullptr, false); }
  bool number_unsigned(number_unsigned_t) override { return scalar(nullptr, false); }
  bool number_float(number_float_t, const string_t&) override { return scalar(nullptr, false); }
  bool binary(binary_t&) override { return scalar(nullptr, false); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    throw InputError(file_, "", json_sax_error(text_, position, error).what());
  }

 private:
  std::string pointer() const { return "/HistoryRecords/" + std::to_string(index_); }
  [[noreturn]] void not_a_record() const {
    throw InputError(file_, pointer(), "a record must be an object");
  }
  // A value: a record's field at depth 3 (a non-string one reads as ""); at depth 2, an element
  // of HistoryRecords that is not an object.
  bool scalar(const string_t* value, bool is_null) {
    if (in_records_ && depth_ == 2) not_a_record();
    if (!in_records_ || depth_ != 3) return true;
    const std::string text = value ? *value : std::string();
    if (field_ == "ResourceType") record_.type = text;
    if (field_ == "ResourceId") record_.id = text;
    if (field_ == "ResourceCidr") record_.cidr = text;
    if (field_ == "SampledStartTime") record_.start = text;
    if (field_ == "SampledEndTime") {
      record_.end = text;
      record_.end_given = !is_null;
    }
    return true;
  }

  std::string_view text_;
  const std::string& file_;
  Visit visit_;
  int depth_ = 0;
  bool in_records_ = false;
  std::string key_, field_;
  HistoryRecord record_;
  std::size_t index_ = 0;
};

// Fewer distinct times than this may share a grid by chance.
constexpr std::size_t kTimesToSeeAGrid = 4;

std::int64_t time_of(const std::string& value, const std::string& file, const std::string& pointer,
                     const char* key) {
  const auto ms = parse_iso8601(value);
  if (!ms)
    throw InputError(file, pointer + "/" + key,
                     "\"" + value + "\" is not a time like 2025-03-01T12:00:00.000000+00:00");
  return *ms;
}

}  // namespace

std::int64_t time_grid_of(const std::vector<ObservedHolding>& holdings) {
  std::set<std::int64_t> times;
  for (const ObservedHolding& h : holdings) {
    times.insert(h.from_ms);
    if (h.to_ms != std::numeric_limits<std::int64_t>::max()) times.insert(h.to_ms);
  }
  if (times.size() < kTimesToSeeAGrid) return 0;
  for (const std::int64_t grid : {3'600'000, 1'800'000, 900'000, 600'000, 300'000, 60'000, 1'000})
    if (std::all_of(times.begin(), times.end(), [&](std::int64_t t) { return t % grid == 0; }))
      return grid;
  return 0;
}

Observation read_ipam_history(const std::vector<std::string>& files, const ObservedLbResolver& lbs,
                              const EniDirectory& enis, std::int64_t grid_ms) {
  Observation observation;
  // The load balancer of a network interface's record: by its description in --enis, else by
  // its pool alone (counted as unattributed).
  const auto attribute = [&](const HistoryRecord& r, std::uint32_t address, const std::string& file,
                             const std::string& pointer) -> std::optional<std::size_t> {
    if (const DescribedEni* eni = enis.find(r.id)) {
      const auto name = alb_name_of_eni(eni->description);
      return name ? lbs.by_name(*name) : std::nullopt;
    }
    const auto lb = lbs.by_pool(address, file, pointer);
    if (lb) ++observation.unattributed;
    return lb;
  };
  observation.kind = "ipam-history";
  observation.files = files;
  bool continues = false;
  for (const std::string& file : files) {
    std::string text;
    try {
      text = read_file(file, "IPAM address history", kMaxJsonBytes);
    } catch (const ReadError& e) {
      throw InputError(file, "", e.what());
    }
    HistoryPage page(text, file, [&](const HistoryRecord& r, const std::string& pointer) {
      ++observation.records;
      if (r.type != "network-interface" || r.cidr.find(':') != std::string::npos) {
        ++observation.ignored;  // instances repeat their interface's record; EIPs hold no node
        return;
      }
      const CidrParse cidr = parse_cidr(r.cidr);
      if (!cidr.cidr || cidr.cidr->length != 32)
        throw InputError(file, pointer + "/ResourceCidr",
                         "\"" + r.cidr + "\" is not one IPv4 address like 3.5.140.7/32");
      ObservedHolding h;
      h.address = cidr.cidr->base.value;
      const std::optional<std::size_t> lb = attribute(r, h.address, file, pointer);
      if (!lb) {
        ++observation.ignored;  // another load balancer's node, a NAT gateway, an EIP's ENI
        return;
      }
      h.lb = *lb;
      h.from_ms = time_of(r.start, file, pointer, "SampledStartTime");
      h.to_ms = r.end_given ? time_of(r.end, file, pointer, "SampledEndTime")
                            : std::numeric_limits<std::int64_t>::max();
      h.origin = file + ": " + pointer;
      observation.holdings.push_back(std::move(h));
    });
    try {
      parse_json_sax(text, page);
    } catch (const ReadError& e) {
      throw InputError(file, "", e.what());
    }
    if (!page.has_records)  // read whole to say what it is instead (the error path only)
      throw InputError(file, "/HistoryRecords",
                       missing_aws_array(read_json_file(file), "HistoryRecords"));
    continues = page.continues;
  }
  if (continues)
    throw InputError(files.back(), "/NextToken",
                     "more pages follow; pass every page (the AWS CLI prints them all unless "
                     "--max-items or --no-paginate is given)");
  if (observation.holdings.empty())
    throw InputError(files.front(), "/HistoryRecords",
                     "no record of a network interface holding an IPv4 address (" +
                         std::to_string(observation.records) +
                         " records of other resources); ask for the history of each address of "
                         "the pool, as tools/observe/ipam-history.sh does");
  check_holdings(observation.holdings);
  observation.sampling.grid_ms = grid_ms > 0 ? grid_ms : time_grid_of(observation.holdings);
  observation.sampling.covered = {std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::max()};
  observation.hides = {
      "IPAM samples associations periodically: a start or end may have happened up to one "
      "sampling interval earlier than recorded",
      "the history shows addresses, not AZs or DNS: an address counts as in DNS while it is "
      "held (launch and drain time included), so breach seconds are an upper bound",
      "only the addresses whose history was asked for are seen: AWS-managed fallback addresses "
      "are outside the pool's CIDRs, so without their history managed figures are lower bounds"};
  if (observation.unattributed > 0)
    observation.hides.push_back(
        std::to_string(observation.unattributed) +
        " records name network interfaces that no --enis file describes: they are given to the "
        "load balancer drawing from their pool, so any other resource holding a pool address "
        "(a NAT gateway, an EIP) counts as one of its nodes");
  return observation;
}

}  // namespace albsim
