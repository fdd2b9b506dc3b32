#include "observe/public_ips.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "core/calendar.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"
#include "observe/snapshot_holdings.hpp"

namespace albsim {
namespace {

constexpr const char* kRecords = "IpamDiscoveredPublicAddresses";

bool pool_address_type(const std::string& type) {
  return type == "byoip" || type == "service-managed-byoip" || type == "amazon-owned-contig";
}

std::int64_t time_at(const nlohmann::ordered_json& j, const char* key, const std::string& file,
                     const std::string& pointer) {
  const std::string value = text(j, key);
  const auto ms = parse_iso8601(value);
  if (!ms)
    throw InputError(file, pointer + "/" + key,
                     "\"" + value + "\" is not a time like 2024-04-05T15:13:59.228000+00:00");
  return *ms;
}

// One file: its snapshot time and the load balancers' nodes in it.
TimedSnapshot read_snapshot(const std::string& file, const ObservedLbResolver& lbs,
                            Observation& observation) {
  TimedSnapshot snapshot;
  std::optional<std::int64_t> oldest_record;
  std::optional<std::int64_t> oldest_sample;  // the output's own OldestSampleTime
  const bool continues = for_each_paged_item({file}, kRecords, [&](const PagedItem& item) {
    ++observation.records;
    const std::int64_t t = time_at(item.value, "SampleTime", item.file, item.pointer);
    oldest_record = std::min(oldest_record.value_or(t), t);
    const auto name = alb_name_of_eni(text(item.value, "NetworkInterfaceDescription"));
    const auto lb = name ? lbs.by_name(*name) : std::nullopt;
    if (!lb || text(item.value, "Service") != "load-balancer" ||
        text(item.value, "AssociationStatus") != "associated") {
      ++observation.ignored;
      return;
    }
    const std::string ip = text(item.value, "Address");
    const auto address = Ipv4::parse(ip);
    if (!address)
      throw InputError(item.file, item.pointer + "/Address",
                       "\"" + ip + "\" is not an IPv4 address");
    ObservedHolding node{
        *lb, std::nullopt, address->value, 0, 0, item.file + ": " + item.pointer, std::nullopt};
    node.managed = text(item.value, "PublicIpv4PoolId").empty() &&
                   !pool_address_type(text(item.value, "AddressType"));
    snapshot.nodes.emplace(SnapshotKey{text(item.value, "NetworkInterfaceId"), address->value},
                           std::move(node));
  });
  if (continues)
    throw InputError(file, "/NextToken",
                     "this snapshot is one page of several; save the whole output (drop "
                     "--max-items and --no-paginate)");
  const nlohmann::ordered_json page = read_json_file(file);
  if (page.contains("OldestSampleTime") && !page["OldestSampleTime"].is_null())
    oldest_sample = time_at(page, "OldestSampleTime", file, "");
  if (!oldest_sample && !oldest_record)
    throw InputError(file, "/" + std::string(kRecords),
                     "an empty snapshot without OldestSampleTime has no time");
  snapshot.time_ms = oldest_sample.value_or(*oldest_record);
  return snapshot;
}

}  // namespace

Observation read_public_ips(const std::vector<std::string>& files, const ObservedLbResolver& lbs) {
  Observation observation;
  observation.kind = "public-ips";
  std::vector<TimedSnapshot> snapshots;
  for (const std::string& file : files) {
    snapshots.push_back(read_snapshot(file, lbs, observation));
    observation.files.push_back(file);
  }
  std::stable_sort(
      snapshots.begin(), snapshots.end(),
      [](const TimedSnapshot& a, const TimedSnapshot& b) { return a.time_ms < b.time_ms; });
  snapshots.erase(std::unique(snapshots.begin(), snapshots.end(),
                              [](const TimedSnapshot& a, const TimedSnapshot& b) {
                                return a.time_ms == b.time_ms;
                              }),
                  snapshots.end());
  for (const TimedSnapshot& s : snapshots) observation.sampling.times_ms.push_back(s.time_ms);
  const std::vector<std::int64_t>& times = observation.sampling.times_ms;
  observation.sampling_ms = median_gap_ms(times);
  observation.sampling.covered = {times.front(), covered_end(times, observation.sampling_ms)};
  observation.holdings = holdings_from_snapshots(snapshots, observation.sampling.covered.to_ms);
  if (observation.holdings.empty())
    throw InputError(files.front(), "/" + std::string(kRecords),
                     "no associated load-balancer address among its " +
                         std::to_string(observation.records) +
                         " records (Service \"load-balancer\", NetworkInterfaceDescription "
                         "\"ELB app/<name>/<id>\" with <name> a load balancer of the scenario)");
  check_holdings(observation.holdings);
  observation.hides = {
      "a node that came and went between two discoveries is not seen, and every change is seen "
      "up to one discovery interval late",
      "Public IP Insights shows addresses, not AZs or DNS: a node counts as in DNS while it "
      "has its address (launch and drain time included), so breach seconds are an upper bound"};
  return observation;
}

}  // namespace albsim
