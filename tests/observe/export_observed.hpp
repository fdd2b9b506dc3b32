// A test helper, not a product feature: records every address change of a simulated run and
// writes it in the shapes AWS and a DNS loop record a real load balancer (IPAM address history
// pages, describe-network-interfaces snapshots, a DNS log), for observe's round trips.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "albsim/ipv4.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"
#include "core/calendar.hpp"
#include "observe/observe.hpp"
#include "observe/simulated_addresses.hpp"

namespace albsim::test {

inline constexpr std::int64_t kStillHeld = kStillHeldMs;
using RecordingLog = SimulatedAddressLog;
using LoggedAddress = SimulatedAddress;

inline void write_json(const std::filesystem::path& path, const nlohmann::ordered_json& j) {
  std::ofstream(path) << j.dump(2) << "\n";
}

// get-ipam-address-history pages of `per_page` records: each address held as a network
// interface's record, and every third also as its instance's (which observe must not count
// twice). Times are the run's plus `start_ms`. Returns the page files.
inline std::vector<std::string> write_ipam_history(const std::filesystem::path& dir,
                                                   const RecordingLog& log, std::int64_t start_ms,
                                                   std::size_t per_page, std::int64_t grid_ms = 0) {
  const auto sampled = [&](std::int64_t t) {  // rounded up to the grid, as IPAM's lag
    const std::int64_t at = start_ms + t;
    return grid_ms > 0 ? (at + grid_ms - 1) / grid_ms * grid_ms : at;
  };
  std::vector<nlohmann::ordered_json> records;
  for (std::size_t i = 0; i < log.addresses().size(); ++i) {
    const LoggedAddress& a = log.addresses()[i];
    nlohmann::ordered_json r;
    r["ResourceOwnerId"] = "123456789012";
    r["ResourceRegion"] = "us-east-1";
    r["ResourceType"] = "network-interface";
    r["ResourceId"] = "eni-" + std::to_string(i);
    r["ResourceCidr"] = Ipv4{a.address}.to_string() + "/32";
    r["VpcId"] = "vpc-0123";
    if (a.released_ms != kStillHeld && sampled(a.acquired_ms) == sampled(a.released_ms))
      continue;  // came and went between two samples
    r["SampledStartTime"] = format_iso8601_utc(sampled(a.acquired_ms));
    if (a.released_ms != kStillHeld)
      r["SampledEndTime"] = format_iso8601_utc(sampled(a.released_ms));
    records.push_back(r);
    if (i % 3 == 0) {
      r["ResourceType"] = "instance";
      r["ResourceId"] = "i-" + std::to_string(i);
      records.push_back(r);
    }
  }
  std::vector<std::string> files;
  for (std::size_t first = 0; first < records.size(); first += per_page) {
    nlohmann::ordered_json page;
    page["HistoryRecords"] = nlohmann::ordered_json::array();
    for (std::size_t k = first; k < std::min(records.size(), first + per_page); ++k)
      page["HistoryRecords"].push_back(records[k]);
    if (first + per_page < records.size()) page["NextToken"] = "page-" + std::to_string(first);
    files.push_back((dir / ("history-" + std::to_string(files.size()) + ".json")).string());
    write_json(files.back(), page);
  }
  return files;
}

// describe-network-interfaces snapshots at 0, step, 2 step, ... before the horizon, named by
// their UTC time, each with an unrelated ENI too. Returns the files.
inline std::vector<std::string> write_eni_snapshots(const std::filesystem::path& dir,
                                                    const RecordingLog& log,
                                                    const Scenario& scenario, std::int64_t step) {
  std::vector<std::string> files;
  for (std::int64_t t = 0; t < scenario.horizon.ms(); t += step) {
    nlohmann::ordered_json enis = nlohmann::ordered_json::array();
    enis.push_back({{"NetworkInterfaceId", "eni-other"},
                    {"Description", "Primary network interface"},
                    {"AvailabilityZone", "us-east-1a"},
                    {"Association", {{"PublicIp", "192.0.2.1"}}}});
    for (std::size_t i = 0; i < log.addresses().size(); ++i) {
      const LoggedAddress& a = log.addresses()[i];
      if (a.acquired_ms > t || a.released_ms <= t) continue;
      const LoadBalancerSpec& lb = scenario.load_balancers[a.lb];
      enis.push_back({{"NetworkInterfaceId", "eni-" + std::to_string(i)},
                      {"Description", "ELB app/" + lb.id + "/50dc6c495c0c9188"},
                      {"AvailabilityZone", lb.azs[a.az]},
                      {"Association", {{"PublicIp", Ipv4{a.address}.to_string()}}}});
    }
    files.push_back(
        (dir / ("enis-" + format_iso8601_utc(*scenario.start_epoch_ms + t) + ".json")).string());
    write_json(files.back(), {{"NetworkInterfaces", enis}});
  }
  return files;
}

// get-ipam-discovered-public-addresses outputs at 0, step, 2 step, ... before the horizon, one
// file each, every record sampled at that time: the load balancers' addresses (a pool's as
// service-managed-byoip with the pool's id, any other as service-managed-ip), and a NAT
// gateway's, which observe must not count.
inline std::vector<std::string> write_public_ips(const std::filesystem::path& dir,
                                                 const RecordingLog& log, const Scenario& scenario,
                                                 std::int64_t step) {
  std::vector<std::string> files;
  for (std::int64_t t = 0; t < scenario.horizon.ms(); t += step) {
    const std::string when = format_iso8601_utc(*scenario.start_epoch_ms + t);
    nlohmann::ordered_json records = nlohmann::ordered_json::array();
    records.push_back({{"Address", "192.0.2.9"},
                       {"AssociationStatus", "associated"},
                       {"AddressType", "service-managed-ip"},
                       {"Service", "nat-gateway"},
                       {"NetworkInterfaceId", "eni-nat"},
                       {"NetworkInterfaceDescription", "Interface for NAT Gateway nat-0abc"},
                       {"SampleTime", when}});
    for (std::size_t i = 0; i < log.addresses().size(); ++i) {
      const LoggedAddress& a = log.addresses()[i];
      if (a.acquired_ms > t || a.released_ms <= t) continue;
      const LoadBalancerSpec& lb = scenario.load_balancers[a.lb];
      bool in_pool = false;
      for (const PoolSpec& pool : scenario.pools)
        for (const Cidr& cidr : pool.cidrs) in_pool = in_pool || cidr.contains(Ipv4{a.address});
      nlohmann::ordered_json r = {
          {"Address", Ipv4{a.address}.to_string()},
          {"AssociationStatus", "associated"},
          {"AddressType", in_pool ? "service-managed-byoip" : "service-managed-ip"},
          {"Service", "load-balancer"},
          {"NetworkInterfaceId", "eni-" + std::to_string(i)},
          {"NetworkInterfaceDescription", "ELB app/" + lb.id + "/50dc6c495c0c9188"},
          {"SampleTime", when}};
      if (in_pool) r["PublicIpv4PoolId"] = "ipv4pool-ec2-0123";
      records.push_back(r);
    }
    files.push_back((dir / ("public-ips-" + std::to_string(files.size()) + ".json")).string());
    write_json(files.back(), {{"IpamDiscoveredPublicAddresses", records}});
  }
  return files;
}

// The benchmarks' observation of a recorded run, into `request`: ENI snapshots every 5 minutes,
// or the IPAM address history in pages of `records_per_page`.
inline void write_observation(ObserveRequest& request, const std::filesystem::path& dir,
                              const RecordingLog& log, const Scenario& scenario, bool snapshots,
                              std::size_t records_per_page) {
  if (snapshots)
    request.eni_snapshots = write_eni_snapshots(dir, log, scenario, 300'000);
  else
    request.ipam_history = write_ipam_history(dir, log, *scenario.start_epoch_ms, records_per_page);
}

// A DNS log of one load balancer: at 0, step, ... the addresses in DNS, without those for which
// `drop(line, address)` is true (a resolver's subset).
template <class Drop>
std::string write_dns_log(const std::filesystem::path& path, const RecordingLog& log,
                          const Scenario& scenario, std::size_t lb, std::int64_t step,
                          Drop&& drop) {
  std::ofstream out(path);
  out << "# dig +short loop\n";
  std::size_t line = 0;
  for (std::int64_t t = 0; t < scenario.horizon.ms(); t += step, ++line) {
    out << format_iso8601_utc(*scenario.start_epoch_ms + t);
    for (const LoggedAddress& a : log.addresses())
      for (const auto& [from, to] : a.exposed)
        if (a.lb == lb && from <= t && t < to && !drop(line, a.address))
          out << ' ' << Ipv4{a.address}.to_string();
    out << '\n';
  }
  return path.string();
}

}  // namespace albsim::test
