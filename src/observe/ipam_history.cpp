#include "observe/ipam_history.hpp"

#include <limits>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "core/calendar.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"

namespace albsim {
namespace {

std::int64_t time_of(const nlohmann::ordered_json& record, const char* key, const PagedItem& item) {
  const std::string value = text(record, key);
  const auto ms = parse_iso8601(value);
  if (!ms)
    throw InputError(item.file, item.pointer + "/" + key,
                     "\"" + value + "\" is not a time like 2025-03-01T12:00:00.000000+00:00");
  return *ms;
}

}  // namespace

Observation read_ipam_history(const std::vector<std::string>& files,
                              const ObservedLbResolver& lbs) {
  Observation observation;
  observation.kind = "ipam-history";
  observation.files = files;
  bool continues = false;
  const std::vector<PagedItem> records = paged_items(files, "HistoryRecords", continues);
  if (continues)
    throw InputError(files.back(), "/NextToken",
                     "more pages follow; pass every page (the AWS CLI prints them all unless "
                     "--max-items or --no-paginate is given)");
  for (const PagedItem& item : records) {
    ++observation.records;
    const nlohmann::ordered_json& r = item.value;
    if (!r.is_object()) throw InputError(item.file, item.pointer, "a record must be an object");
    const std::string cidr_text = text(r, "ResourceCidr");
    if (text(r, "ResourceType") != "network-interface" ||
        cidr_text.find(':') != std::string::npos) {
      ++observation.ignored;  // instances repeat their interface's record; EIPs hold no node
      continue;
    }
    const CidrParse cidr = parse_cidr(cidr_text);
    if (!cidr.cidr || cidr.cidr->length != 32)
      throw InputError(item.file, item.pointer + "/ResourceCidr",
                       "\"" + cidr_text + "\" is not one IPv4 address like 3.5.140.7/32");
    ObservedHolding h;
    h.address = cidr.cidr->base.value;
    h.lb = lbs.for_address(h.address, item.file, item.pointer);
    h.from_ms = time_of(r, "SampledStartTime", item);
    h.to_ms = r.contains("SampledEndTime") && !r["SampledEndTime"].is_null()
                  ? time_of(r, "SampledEndTime", item)
                  : std::numeric_limits<std::int64_t>::max();
    h.origin = item.file + ": " + item.pointer;
    observation.holdings.push_back(std::move(h));
  }
  if (observation.holdings.empty())
    throw InputError(files.front(), "/HistoryRecords",
                     "no record of a network interface holding an IPv4 address (" +
                         std::to_string(observation.records) +
                         " records of other resources); ask for the history of each address of "
                         "the pool, as tools/observe/ipam-history.sh does");
  check_holdings(observation.holdings);
  observation.hides = {
      "IPAM samples associations periodically: a start or end may have happened up to one "
      "sampling interval earlier than recorded",
      "the history shows addresses, not AZs or DNS: an address counts as in DNS while it is "
      "held (launch and drain time included), so breach seconds are an upper bound"};
  return observation;
}

}  // namespace albsim
