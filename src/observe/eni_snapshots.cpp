#include "observe/eni_snapshots.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "core/calendar.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"
#include "observe/snapshot_holdings.hpp"

namespace albsim {
namespace {

struct Snapshot {
  std::int64_t time_ms = 0;
  std::string file;
};

std::map<SnapshotKey, ObservedHolding> read_snapshot(const Snapshot& snapshot,
                                                     const ObservedLbResolver& lbs,
                                                     const Scenario& scenario,
                                                     Observation& observation,
                                                     std::set<std::string>& other_albs) {
  std::map<SnapshotKey, ObservedHolding> nodes;
  const auto visit = [&](const PagedItem& item) {
    ++observation.records;
    const auto name = alb_name_of_eni(text(item.value, "Description"));
    const auto lb = name ? lbs.by_name(*name) : std::nullopt;
    if (!lb) {
      ++observation.ignored;
      if (name) other_albs.insert(*name);
      return;
    }
    const LoadBalancerSpec& spec = scenario.load_balancers[*lb];
    const std::string zone = text(item.value, "AvailabilityZone");
    const auto az = std::find(spec.azs.begin(), spec.azs.end(), zone);
    if (az == spec.azs.end())
      throw InputError(snapshot.file, item.pointer + "/AvailabilityZone",
                       "\"" + zone + "\" is not one of load balancer " + spec.id + "'s azs");
    const nlohmann::ordered_json* association =
        item.value.contains("Association") ? &item.value["Association"] : nullptr;
    const std::string ip = association ? text(*association, "PublicIp") : "";
    const auto address = Ipv4::parse(ip);
    if (!address)
      throw InputError(snapshot.file, item.pointer + "/Association/PublicIp",
                       ip.empty() ? "an ENI of " + spec.id +
                                        " has no public address (an internet-facing ALB's "
                                        "nodes always have one; is this an internal one?)"
                                  : "\"" + ip + "\" is not an IPv4 address");
    ObservedHolding node{*lb,
                         static_cast<std::size_t>(az - spec.azs.begin()),
                         address->value,
                         0,
                         0,
                         snapshot.file + ": " + item.pointer,
                         std::nullopt};
    nodes.emplace(SnapshotKey{text(item.value, "NetworkInterfaceId"), address->value}, node);
  };
  if (for_each_paged_item({snapshot.file}, "NetworkInterfaces", visit))
    throw InputError(snapshot.file, "/NextToken",
                     "this snapshot is one page of several; save the whole output (drop "
                     "--max-items and --no-paginate)");
  return nodes;
}

}  // namespace

std::optional<std::int64_t> snapshot_time_of(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  for (std::size_t i = 0; i < name.size(); ++i) {
    std::size_t pos = i;
    std::string digits;  // YYYYMMDDhhmmss
    bool ok = true;
    // Reads `count` digits; then, when `separators` is set, skips one of its characters.
    const auto take = [&](std::size_t count, const char* separators) {
      for (std::size_t k = 0; ok && k < count; ++k, ++pos)
        ok = pos < name.size() && std::isdigit(static_cast<unsigned char>(name[pos]));
      if (ok) digits += name.substr(pos - count, count);
      if (ok && separators && pos < name.size() && std::strchr(separators, name[pos])) ++pos;
    };
    take(4, "-");
    take(2, "-");
    take(2, nullptr);
    ok = ok && pos < name.size() && name[pos++] == 'T';
    take(2, ":_-");
    take(2, ":_-");
    take(2, nullptr);
    if (ok && pos < name.size() && name[pos] == '.')
      for (++pos; pos < name.size() && std::isdigit(static_cast<unsigned char>(name[pos]));) ++pos;
    if (!ok || pos >= name.size() || name[pos] != 'Z') continue;
    const std::string iso = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" +
                            digits.substr(6, 2) + "T" + digits.substr(8, 2) + ":" +
                            digits.substr(10, 2) + ":" + digits.substr(12, 2) + "Z";
    if (const auto time = parse_iso8601(iso)) return time;
  }
  return std::nullopt;
}

Observation read_eni_snapshots(const std::vector<std::string>& files, const ObservedLbResolver& lbs,
                               const Scenario& scenario) {
  std::vector<Snapshot> snapshots;
  for (const std::string& file : files) {
    const auto time = snapshot_time_of(file);
    if (!time)
      throw InputError(file, "",
                       "the snapshot's UTC time must be in its name, like "
                       "enis-2025-03-01T12:05:00Z.json (tools/observe/eni-snapshots.sh names "
                       "them so)");
    snapshots.push_back({*time, file});
  }
  std::sort(snapshots.begin(), snapshots.end(),
            [](const Snapshot& a, const Snapshot& b) { return a.time_ms < b.time_ms; });
  for (std::size_t i = 1; i < snapshots.size(); ++i)
    if (snapshots[i].time_ms == snapshots[i - 1].time_ms)
      throw InputError(snapshots[i].file, "",
                       "has the same time as " + snapshots[i - 1].file + "; one file per time");

  Observation observation;
  observation.kind = "eni-snapshots";
  observation.azs_known = true;
  std::set<std::string> other_albs;
  std::vector<TimedSnapshot> timed;
  std::vector<std::int64_t> times;
  for (const Snapshot& snapshot : snapshots) {
    observation.files.push_back(snapshot.file);
    times.push_back(snapshot.time_ms);
    timed.push_back(
        {snapshot.time_ms, read_snapshot(snapshot, lbs, scenario, observation, other_albs)});
  }
  observation.sampling_ms = median_gap_ms(times);
  observation.sampling.times_ms = times;
  if (!times.empty())
    observation.sampling.covered = {times.front(), covered_end(times, observation.sampling_ms)};
  observation.holdings = holdings_from_snapshots(timed, observation.sampling.covered.to_ms);
  if (observation.holdings.empty()) {
    std::string seen;
    for (const std::string& name : other_albs) seen += (seen.empty() ? "" : ", ") + name;
    throw InputError(files.empty() ? "--eni-snapshots" : files.front(), "",
                     "no ENI described \"ELB app/<name>/<id>\" with <name> a load balancer of the "
                     "scenario" +
                         (seen.empty() ? std::string(" (and no ALB ENI at all)")
                                       : " (ALBs seen: " + seen + ")"));
  }
  check_holdings(observation.holdings);
  observation.hides = {
      "a node that came and went between two snapshots is not seen, and every change is seen "
      "up to one snapshot interval late",
      "ENIs show addresses, not DNS: a node counts as in DNS while it has its address (launch "
      "and drain time included), so breach seconds are an upper bound"};
  return observation;
}

}  // namespace albsim
