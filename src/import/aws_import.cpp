#include "import/aws_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

// The array `key` of every page, each item with its file and JSON pointer; notes a last page
// that says more follow.
std::vector<PagedItem> items(const std::vector<std::string>& files, const std::string& key,
                             std::vector<std::string>& notes) {
  std::vector<PagedItem> out;
  const bool continues =
      for_each_paged_item(files, key, [&](PagedItem& item) { out.push_back(std::move(item)); });
  if (continues)
    notes.push_back(files.back() + " ends with a NextToken: pass every page (repeat the option)");
  return out;
}

// "POOL=FILE" or "FILE" (then the only pool).
std::pair<std::string, std::string> pool_and_file(const std::string& arg,
                                                  const std::vector<std::string>& pools,
                                                  const char* option) {
  const auto eq = arg.find('=');
  if (eq != std::string::npos) return {arg.substr(0, eq), arg.substr(eq + 1)};
  if (pools.empty())
    throw InputError(option, arg,
                     "no public IPv4 pool was imported to give it to (--ipam-pools gave none; "
                     "private-scope and IPv6 pools are skipped): give the describe-ipam-pools "
                     "output that holds the pool, or leave this option out");
  if (pools.size() > 1) {
    std::string ids;
    for (const std::string& id : pools) ids += (ids.empty() ? "" : ", ") + id;
    throw InputError(
        option, arg,
        "this output does not name its pool; write POOL_ID=FILE, POOL_ID one of " + ids);
  }
  return {pools.front(), arg};
}

class Importer {
 public:
  explicit Importer(const AwsImportInput& in) : in_(in), demand_(in.demand) {}

  AwsImportResult run() {
    region_ = in_.region;
    read_pools();
    read_pool_cidrs();
    read_load_balancers();
    read_allocations();
    demand_.check_metrics_used(lbs_.size());
    std::vector<std::string> ids;
    for (const Json& lb : lbs_) ids.push_back(lb["id"].get<std::string>());
    demand_.check_demands_used(ids);
    AwsImportResult result;
    Json& s = result.scenario;
    s["name"] = "imported from AWS";
    s["region"] = region_;
    demand_.set_horizon(s, notes_);
    Json pools = Json::array();
    for (const std::string& id : pool_order_) pools.push_back(pools_.at(id));
    s["pools"] = std::move(pools);
    s["reservations"] = std::move(reservations_);
    s["load_balancers"] = std::move(lbs_);
    result.notes = std::move(notes_);
    return result;
  }

 private:
  void read_pools() {
    const auto list = items(in_.ipam_pools, "IpamPools", notes_);
    std::map<std::string, std::string> parent_of;
    for (const auto& [pool, file, pointer] : list) {
      const std::string id = text(pool, "IpamPoolId");
      if (id.empty()) throw InputError(file, pointer + "/IpamPoolId", "missing");
      if (text(pool, "AddressFamily") == "ipv6" || text(pool, "IpamScopeType") == "private") {
        notes_.push_back("skipped pool " + id + ": " +
                         (text(pool, "AddressFamily") == "ipv6" ? "IPv6" : "private scope") +
                         " (an ALB takes public IPv4 addresses)");
        continue;
      }
      Json p;
      p["id"] = id;
      const std::string locale = text(pool, "Locale");
      if (!locale.empty() && locale != "None") p["locale"] = locale;
      parent_of[id] = text(pool, "SourceIpamPoolId");
      source_of_[id] = lower(text(pool, "PublicIpSource"));
      pools_[id] = p;
      pool_order_.push_back(id);
      if (pool_region_.empty() && !locale.empty() && locale != "None") pool_region_ = locale;
    }
    for (const std::string& id : pool_order_) {
      Json& p = pools_[id];
      const std::string& parent = parent_of[id];
      if (!parent.empty() && pools_.count(parent)) {
        p["parent"] = parent;
        continue;
      }
      if (!parent.empty())
        notes_.push_back("pool " + id + ": parent " + parent +
                         " is not among the pools given; "
                         "imported as a top-level pool");
      std::string source = source_of_[id];
      if (source != "amazon" && source != "byoip") {
        notes_.push_back("pool " + id + ": no PublicIpSource; taken as byoip");
        source = "byoip";
      }
      p["source"] = source;
    }
  }

  void read_pool_cidrs() {
    for (const std::string& arg : in_.pool_cidrs) {
      const auto [pool, file] = pool_and_file(arg, pool_order_, "--pool-cidrs");
      if (!pools_.count(pool)) throw InputError("--pool-cidrs", arg, "unknown pool " + pool);
      const Json doc = read_json_file(file);
      std::vector<Json> entries;
      if (doc.contains("IpamPoolCidrs") && doc["IpamPoolCidrs"].is_array())
        entries.assign(doc["IpamPoolCidrs"].begin(), doc["IpamPoolCidrs"].end());
      else if (doc.contains("IpamPoolCidr") && doc["IpamPoolCidr"].is_object())
        entries.push_back(doc["IpamPoolCidr"]);  // the form the CLI documentation shows
      else
        throw InputError(file, "/IpamPoolCidrs", "missing: is this get-ipam-pool-cidrs output?");
      for (const Json& c : entries) {
        const std::string state = text(c, "State");
        if (!state.empty() && state != "provisioned") continue;
        if (!parse_cidr(text(c, "Cidr")).cidr) {
          notes_.push_back("pool " + pool + ": skipped non-IPv4 CIDR " + text(c, "Cidr"));
          continue;
        }
        pools_[pool]["cidrs"].push_back(text(c, "Cidr"));
      }
      if (doc.contains("NextToken") && doc["NextToken"].is_string())
        notes_.push_back(file + " ends with a NextToken: pass every page (repeat the option)");
    }
    for (const std::string& id : pool_order_)
      if (!pools_[id].contains("cidrs")) {
        pools_[id]["cidrs"] = Json::array();
        notes_.push_back("pool " + id + " has no provisioned CIDR in the files given");
      }
  }

  void read_allocations() {
    std::size_t alb_nodes = 0;
    reservations_ = Json::array();
    for (const std::string& arg : in_.allocations) {
      const auto [pool, file] = pool_and_file(arg, pool_order_, "--allocations");
      if (!pools_.count(pool)) throw InputError("--allocations", arg, "unknown pool " + pool);
      for (const auto& [a, from, pointer] : items({file}, "IpamPoolAllocations", notes_)) {
        const std::string type = text(a, "ResourceType");
        const std::string about = lower(text(a, "Description") + " " + text(a, "ResourceId") + " " +
                                        text(a, "ServiceManaged"));
        if (type == "ipam-pool") continue;  // a child pool's CIDR: imported as that pool
        if (type == "eip" &&
            (about.find("elb") != std::string::npos || about.find("alb") != std::string::npos)) {
          ++alb_nodes;  // an ALB node's address: the simulation creates its own nodes
          continue;
        }
        const auto cidr = parse_cidr(text(a, "Cidr")).cidr;
        if (!cidr) throw InputError(file, pointer + "/Cidr", "not an IPv4 CIDR");
        reservations_.push_back(Json{{"pool", pool},
                                     {"count", cidr->size()},
                                     {"label", type + " " + text(a, "ResourceId")}});
      }
    }
    if (alb_nodes > 0)
      notes_.push_back("skipped " + std::to_string(alb_nodes) +
                       " ALB node addresses: the simulation starts its own nodes");
  }

  void read_load_balancers() {
    lbs_ = Json::array();
    const auto list = items(in_.load_balancers, "LoadBalancers", notes_);
    for (const auto& [lb, file, pointer] : list) {
      const std::string name = text(lb, "LoadBalancerName");
      if (text(lb, "Type") != "application") {
        notes_.push_back("skipped " + name + ": a " + text(lb, "Type") + " load balancer");
        continue;
      }
      if (text(lb, "Scheme") == "internal") {
        notes_.push_back("skipped " + name + ": internal (no public addresses)");
        continue;
      }
      const std::string arn = text(lb, "LoadBalancerArn");
      std::vector<std::string> arn_parts;
      std::stringstream parts(arn);
      for (std::string part; std::getline(parts, part, ':');) arn_parts.push_back(part);
      const std::string lb_region = arn_parts.size() > 3 ? arn_parts[3] : "";
      if (region_.empty()) region_ = lb_region;
      if (!lb_region.empty() && lb_region != region_) {
        notes_.push_back("skipped " + name + ": in " + lb_region + ", not " + region_);
        continue;
      }
      Json out;
      out["id"] = name;
      Json azs = Json::array();
      if (lb.contains("AvailabilityZones"))
        for (const Json& az : lb["AvailabilityZones"]) azs.push_back(text(az, "ZoneName"));
      out["azs"] = azs;
      if (!lb.contains("IpamPools") || !lb["IpamPools"].is_object() ||
          text(lb["IpamPools"], "Ipv4IpamPoolId").empty())
        notes_.push_back(name +
                         ": no IpamPools (it takes AWS-managed addresses); imported on no "
                         "pool, which the summary shows as \"no pool\"");
      if (lb.contains("IpamPools") && lb["IpamPools"].is_object()) {
        const std::string pool = text(lb["IpamPools"], "Ipv4IpamPoolId");
        if (pools_.count(pool) && text(pools_[pool], "locale") == region_) {
          out["pool"] = pool;
        } else if (!pool.empty() && !pools_.count(pool)) {
          // On no pool it would look like an ALB without an allowlist, and cost managed IPv4.
          throw InputError(file, pointer + "/IpamPools/Ipv4IpamPoolId",
                           name + " draws from " + pool +
                               ", which is not among the pools given; pass its pool with "
                               "--ipam-pools (describe-ipam-pools output) and its CIDRs with "
                               "--pool-cidrs " +
                               pool + "=FILE");
        } else if (!pool.empty()) {
          notes_.push_back(name + ": pool " + pool + " is not in " + region_ +
                           "; imported without a pool");
        }
      }
      out["demand"] = demand_.demand_for(name, Json{{"constant", 0}},
                                         "no metrics given; demand is a constant 0 LCU (minimum "
                                         "nodes)",
                                         notes_);
      lbs_.push_back(out);
    }
    if (region_.empty()) region_ = pool_region_;
    if (region_.empty()) region_ = "us-east-1";
  }

  const AwsImportInput& in_;
  std::string region_;
  std::string pool_region_;
  std::map<std::string, Json> pools_;
  std::map<std::string, std::string> source_of_;
  std::vector<std::string> pool_order_;
  Json reservations_ = Json::array();
  Json lbs_ = Json::array();
  std::vector<std::string> notes_;
  DemandSources demand_;
};

}  // namespace

AwsImportResult import_aws(const AwsImportInput& input) {
  return Importer(input).run();
}

}  // namespace albsim
