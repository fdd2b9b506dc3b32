#include "import/terraform_import.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "core/cidr_merge.hpp"
#include "import/json_fields.hpp"
#include "import/terraform_document.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kPoolTypes = {"aws_vpc_ipam_pool"};

// A pool CIDR the plan gives only as a netmask (an Amazon block, or a child pool's allocation):
// AWS chooses the address at apply.
struct PendingNetmask {
  int netmask = 0;
  std::string address;  // of the aws_vpc_ipam_pool_cidr
};

class TerraformImporter {
 public:
  explicit TerraformImporter(const TerraformImportInput& in)
      : in_(in),
        doc_(in.plan, in.before ? TerraformSide::before : TerraformSide::after),
        demand_(in.demand) {}

  TerraformImportResult run() {
    if (!doc_.complete())
      notes_.push_back(
          "the plan defers some changes to a later plan (\"complete\": false): what "
          "it defers is not in the scenario");
    read_pools();
    read_pool_cidrs();
    place_netmasks();
    read_load_balancers();
    read_reservations();
    choose_region();
    std::vector<std::string> ids;
    for (const Json& lb : lbs_) ids.push_back(lb["id"].get<std::string>());
    // Before a change that creates every load balancer there is nothing to simulate: the
    // caller says so and writes no baseline.
    if (lbs_.empty() && !in_.before)
      throw InputError(doc_.file(), "",
                       "no application load balancer (aws_lb, aws_alb) in the plan: nothing to "
                       "simulate");
    if (!in_.before) {  // the after side names every load balancer the options may
      demand_.check_metrics_used(lbs_.size());
      demand_.check_demands_used(ids);
    }

    TerraformImportResult result;
    Json& s = result.scenario;
    s["name"] = "imported from Terraform (" +
                std::filesystem::path(doc_.file()).filename().string() +
                (in_.before ? ", before the change" : "") + ")";
    s["region"] = region_;
    demand_.set_horizon(s, notes_);
    if (advanced_ipam_) s["pricing"] = Json{{"ipam_tier", "advanced"}};
    Json pools = Json::array();
    for (const std::string& id : pool_order_) {
      Json& p = pools_.at(id);
      if (used_pools_.count(id) && !p.contains("locale")) {
        p["locale"] = region_;
        notes_.push_back(id +
                         ": no locale in the plan; a load balancer draws from it, so it is "
                         "taken as " +
                         region_);
      }
      pools.push_back(p);
    }
    s["pools"] = std::move(pools);
    s["reservations"] = std::move(reservations_);
    s["load_balancers"] = std::move(lbs_);
    result.notes = std::move(notes_);
    return result;
  }

 private:
  std::vector<const TerraformInstance*> of_type(std::initializer_list<const char*> types,
                                                bool data) const {
    std::vector<const TerraformInstance*> out;
    for (const TerraformInstance& i : doc_.instances())
      if (i.data == data && std::find(types.begin(), types.end(), i.type) != types.end())
        out.push_back(&i);
    return out;
  }

  std::string known_text(const TerraformInstance& i, const char* pointer) const {
    const Json v = doc_.known(i, pointer);
    return v.is_string() ? v.get<std::string>() : "";
  }

  // The imported pool `pointer` of `i` names, or none (with a note saying why).
  std::optional<std::string> pool_of(const TerraformInstance& i, const char* pointer,
                                     const std::string& what) {
    const std::vector<TerraformTarget> targets = doc_.targets(i, pointer, kPoolTypes);
    if (targets.empty()) {
      notes_.push_back(i.address + ": cannot tell which pool " + what + " (" + pointer +
                       " is neither known nor a reference to a pool of the plan); skipped");
      return std::nullopt;
    }
    const TerraformTarget& t = targets.front();
    if (t.instance && pools_.count(t.instance->address)) return t.instance->address;
    notes_.push_back(i.address + ": " + what + " " + (t.instance ? t.instance->address : t.id) +
                     ", which is not an imported IPv4 pool of the plan; skipped");
    return std::nullopt;
  }

  void read_pools() {
    std::map<std::string, std::string> parent_of;
    for (const TerraformInstance* p : of_type({"aws_vpc_ipam_pool"}, false))
      add_pool(*p, parent_of);
    for (const TerraformInstance* p : of_type({"aws_vpc_ipam_pool"}, true)) add_pool(*p, parent_of);
    for (const std::string& id : pool_order_) {
      Json& p = pools_[id];
      const std::string& parent = parent_of[id];
      if (!parent.empty() && pools_.count(parent)) {
        p["parent"] = parent;
        continue;
      }
      if (!parent.empty())
        notes_.push_back(id + ": parent " + parent +
                         " is not an imported pool of the plan; imported as a top-level pool");
      std::string source = lower(source_of_[id]);
      if (source != "amazon" && source != "byoip") {
        notes_.push_back(id + ": no public_ip_source in the plan; taken as byoip");
        source = "byoip";
      }
      p["source"] = source;
    }
    for (const TerraformInstance* ipam : of_type({"aws_vpc_ipam"}, false))
      if (known_text(*ipam, "/tier") == "advanced") advanced_ipam_ = true;
  }

  void add_pool(const TerraformInstance& i, std::map<std::string, std::string>& parent_of) {
    const std::string family = known_text(i, "/address_family");
    if (!family.empty() && family != "ipv4") {
      notes_.push_back("skipped " + i.address + ": " + family +
                       " (an ALB takes public IPv4 addresses)");
      return;
    }
    bool private_scope = known_text(i, "/ipam_scope_type") == "private";
    for (const std::string& r : doc_.references(i, "/ipam_scope_id"))
      if (r.find("private_default_scope_id") != std::string::npos) private_scope = true;
    if (private_scope) {
      notes_.push_back("skipped " + i.address + ": private scope (no public addresses)");
      return;
    }
    Json p;
    p["id"] = i.address;
    const std::string locale = known_text(i, "/locale");
    if (!locale.empty() && locale != "None") p["locale"] = locale;
    source_of_[i.address] = known_text(i, "/public_ip_source");
    const std::vector<TerraformTarget> parent = doc_.targets(i, "/source_ipam_pool_id", kPoolTypes);
    if (!parent.empty())
      parent_of[i.address] =
          parent.front().instance ? parent.front().instance->address : parent.front().id;
    pools_[i.address] = p;
    pool_order_.push_back(i.address);
  }

  void add_cidr(const std::string& pool, const std::string& text, const std::string& from) {
    const auto cidr = parse_cidr(text).cidr;
    if (!cidr) {
      notes_.push_back(from + ": skipped " + text + " (not an IPv4 CIDR)");
      return;
    }
    cidrs_[pool].push_back(*cidr);
  }

  void read_pool_cidrs() {
    for (const TerraformInstance* c : of_type({"aws_vpc_ipam_pool_cidr"}, false)) {
      const auto pool = pool_of(*c, "/ipam_pool_id", "its CIDR is provisioned to");
      if (!pool) continue;
      const std::string cidr = known_text(*c, "/cidr");
      const Json netmask = doc_.known(*c, "/netmask_length");
      if (!cidr.empty())
        add_cidr(*pool, cidr, c->address);
      else if (netmask.is_number_integer() && netmask.get<std::int64_t>() >= 0 &&
               netmask.get<std::int64_t>() <= 32)
        pending_[*pool].push_back({netmask.get<int>(), c->address});
      else if (!netmask.is_null())
        throw InputError(doc_.file(), c->pointer + "/netmask_length",
                         c->address + ": netmask_length " + netmask.dump() +
                             " is not an IPv4 prefix length (0 to 32)");
      else
        notes_.push_back(c->address +
                         ": neither its cidr nor its netmask_length is known; skipped");
    }
    for (const TerraformInstance* c : of_type({"aws_vpc_ipam_pool_cidrs"}, true)) {
      const auto pool = pool_of(*c, "/ipam_pool_id", "lists the CIDRs of");
      if (!pool) continue;
      const Json list = doc_.known(*c, "/ipam_pool_cidrs");
      if (!list.is_array()) continue;
      for (const Json& entry : list) {
        const std::string state = text(entry, "state");
        if (state.empty() || state == "provisioned")
          add_cidr(*pool, text(entry, "cidr"), c->address);
      }
    }
  }

  // Netmask-only CIDRs: an Amazon top-level pool keeps them as netmask_length and count (the
  // loader synthesises its blocks); a child pool's is placed at the lowest free block of its
  // parent, where AWS may choose another at apply.
  void place_netmasks() {
    std::vector<std::string> order;  // parents before children
    for (std::size_t depth = 0; order.size() < pool_order_.size() && depth <= pool_order_.size();
         ++depth)
      for (const std::string& id : pool_order_)
        if (std::find(order.begin(), order.end(), id) == order.end() &&
            (!pools_[id].contains("parent") ||
             std::find(order.begin(), order.end(), pools_[id]["parent"].get<std::string>()) !=
                 order.end()))
          order.push_back(id);
    for (const std::string& id : order) {
      Json& p = pools_[id];
      std::vector<Cidr>& cidrs = cidrs_[id];
      const std::vector<PendingNetmask>& pending = pending_[id];
      if (!pending.empty() && !p.contains("parent")) {
        const bool same = std::all_of(pending.begin(), pending.end(), [&](const PendingNetmask& n) {
          return n.netmask == pending.front().netmask;
        });
        if (p["source"] != "amazon" || !cidrs.empty() || !same)
          throw InputError(doc_.file(), "",
                           pending.front().address + ": a netmask_length without a cidr on " + id +
                               (p["source"] != "amazon"
                                    ? ", a BYOIP pool: a top-level BYOIP pool needs its cidr"
                                    : ", which also has other CIDRs: give every CIDR of an "
                                      "Amazon pool the same netmask_length, or each its cidr"));
        p["netmask_length"] = pending.front().netmask;
        if (pending.size() > 1) p["count"] = pending.size();
        continue;
      }
      for (const PendingNetmask& n : pending) {
        const std::string parent = p["parent"].get<std::string>();
        std::vector<Cidr> taken;
        for (const std::string& sibling : pool_order_)
          if (pools_[sibling].value("parent", std::string()) == parent)
            taken.insert(taken.end(), cidrs_[sibling].begin(), cidrs_[sibling].end());
        const auto placed = lowest_free_block(cidrs_[parent], taken, n.netmask);
        if (!placed)
          throw InputError(
              doc_.file(), "",
              n.address + ": no free /" + std::to_string(n.netmask) + " in " + parent +
                  (cidrs_[parent].empty() ? ", whose CIDRs the plan does not give (give the "
                                            "parent pool's cidr)"
                                          : ""));
        cidrs.push_back(*placed);
        notes_.push_back(n.address + ": netmask_length " + std::to_string(n.netmask) + " from " +
                         parent + ", placed at " + placed->to_string() +
                         ", its lowest free block (AWS chooses the CIDR at apply)");
      }
    }
    for (const std::string& id : pool_order_) {
      Json& p = pools_[id];
      if (p.contains("netmask_length")) continue;
      Json list = Json::array();
      for (const Cidr& c : cidrs_[id]) list.push_back(c.to_string());
      if (list.empty()) notes_.push_back(id + " has no CIDR in the plan");
      p["cidrs"] = std::move(list);
    }
  }

  // The AZ of each subnet the load balancer names, in order, without repeats.
  Json zones_of(const TerraformInstance& lb) {
    std::vector<TerraformTarget> subnets = doc_.targets(lb, "/subnets", {"aws_subnet"});
    for (int k = 0; k < 64; ++k) {
      const std::string at = "/subnet_mapping/" + std::to_string(k) + "/subnet_id";
      const std::vector<TerraformTarget> mapped = doc_.targets(lb, at, {"aws_subnet"});
      if (mapped.empty() && doc_.known(lb, "/subnet_mapping/" + std::to_string(k)).is_null()) break;
      subnets.insert(subnets.end(), mapped.begin(), mapped.end());
    }
    Json azs = Json::array();
    for (const TerraformTarget& t : subnets) {
      std::string az;
      if (t.instance) {
        az = known_text(*t.instance, "/availability_zone");
        if (az.empty()) az = known_text(*t.instance, "/availability_zone_id");
      }
      if (az.empty()) {
        az = t.instance ? t.instance->address : t.id;
        notes_.push_back(lb.address + ": the AZ of subnet " + az +
                         " is not in the plan; the subnet stands for its AZ (an ALB has one "
                         "subnet per AZ)");
      }
      if (std::find(azs.begin(), azs.end(), az) == azs.end()) azs.push_back(az);
    }
    return azs;
  }

  void read_load_balancers() {
    for (const TerraformInstance* lb : of_type({"aws_lb", "aws_alb"}, false)) {
      const std::string type = known_text(*lb, "/load_balancer_type");
      if (!type.empty() && type != "application") {
        notes_.push_back("skipped " + lb->address + ": a " + type + " load balancer");
        continue;
      }
      if (doc_.known(*lb, "/internal") == Json(true)) {
        notes_.push_back("skipped " + lb->address + ": internal (no public addresses)");
        continue;
      }
      const std::string name = known_text(*lb, "/name");
      const std::string id = name.empty() ? lb->address : name;
      if (!name.empty() && name != lb->address)
        names_.push_back(lb->address + " is load balancer " + name);
      Json out;
      out["id"] = id;
      out["azs"] = zones_of(*lb);
      if (out["azs"].size() < 2)
        throw InputError(doc_.file(), lb->pointer + "/subnets",
                         lb->address + ": subnets in " + std::to_string(out["azs"].size()) +
                             " AZ(s) found; an ALB needs subnets in at least 2 AZs (give them "
                             "as aws_subnet resources or data sources, or their ids in subnets)");
      const std::vector<TerraformTarget> pool =
          doc_.targets(*lb, "/ipam_pools/0/ipv4_ipam_pool_id", kPoolTypes);
      const std::vector<std::string> refs = doc_.references(*lb, "/ipam_pools/0/ipv4_ipam_pool_id");
      if (pool.empty() && (refs.size() > 0 || !doc_.known(*lb, "/ipam_pools/0").is_null())) {
        notes_.push_back(lb->address + ": its ipam_pools block names a pool albsim cannot follow" +
                         (refs.empty() ? std::string() : " (" + refs.front() + ")") +
                         "; imported on no pool: set /load_balancers/" +
                         std::to_string(lbs_.size()) + "/pool to its pool's id");
      } else if (pool.empty()) {
        notes_.push_back(lb->address +
                         ": no ipam_pools block (it takes AWS-managed addresses); imported on "
                         "no pool");
      } else if (pool.front().instance && pools_.count(pool.front().instance->address)) {
        out["pool"] = pool.front().instance->address;
        used_pools_.insert(pool.front().instance->address);
      } else {
        throw InputError(
            doc_.file(), lb->pointer + "/ipam_pools/0/ipv4_ipam_pool_id",
            lb->address + " draws from " +
                (pool.front().instance ? pool.front().instance->address : pool.front().id) +
                ", which is not an IPv4 pool of the plan; declare it in the configuration (a "
                "data \"aws_vpc_ipam_pool\" and a data \"aws_vpc_ipam_pool_cidrs\" for an "
                "existing pool) or import it with albsim import aws");
      }
      const Json lcu = doc_.known(*lb, "/minimum_load_balancer_capacity/0/capacity_units");
      if (lcu.is_number() && lcu.get<double>() > 0) out["capacity_reservation_lcu"] = lcu;
      out["demand"] = demand_.demand_for(
          id,
          Json{{"placeholder", lb->address +
                                   ": the plan does not say demand; replace this object with "
                                   "constant, steps, diurnal or trace"}},
          "the plan does not say demand: a placeholder that validate, run and plan refuse until "
          "it is filled in (import with --demand or --metrics, or run with --set)",
          notes_);
      lbs_.push_back(out);
    }
    notes_.insert(notes_.end(), names_.begin(), names_.end());
  }

  void read_reservations() {
    // NAT gateways that take an Elastic IP: the EIP is the address; the gateway names it.
    std::map<const TerraformInstance*, std::string> nat_of;
    for (const TerraformInstance* nat : of_type({"aws_nat_gateway"}, false))
      for (const char* at : {"/allocation_id", "/secondary_allocation_ids"})
        for (const TerraformTarget& t : doc_.targets(*nat, at, {"aws_eip"}))
          if (t.instance) nat_of[t.instance] = nat->address;
    for (const TerraformInstance* eip : of_type({"aws_eip"}, false)) {
      if (doc_.known(*eip, "/ipam_pool_id").is_null() &&
          doc_.references(*eip, "/ipam_pool_id").empty())
        continue;  // an AWS-managed or BYOIP-pool (public_ipv4_pool) address
      const auto pool = pool_of(*eip, "/ipam_pool_id", "its Elastic IP comes from");
      if (!pool) continue;
      const auto nat = nat_of.find(eip);
      reservations_.push_back(
          Json{{"pool", *pool},
               {"count", 1},
               {"label",
                eip->address + (nat == nat_of.end() ? "" : " (NAT gateway " + nat->second + ")")}});
    }
    for (const TerraformInstance* a : of_type({"aws_vpc_ipam_pool_cidr_allocation"}, false)) {
      const auto pool = pool_of(*a, "/ipam_pool_id", "it allocates from");
      if (!pool) continue;
      const auto cidr = parse_cidr(known_text(*a, "/cidr")).cidr;
      const Json netmask = doc_.known(*a, "/netmask_length");
      std::uint64_t count = 0;
      if (cidr)
        count = cidr->size();
      else if (netmask.is_number_integer() && netmask.get<std::int64_t>() >= 0 &&
               netmask.get<std::int64_t>() <= 32)
        count = std::uint64_t{1} << (32 - netmask.get<int>());
      if (count == 0) {
        notes_.push_back(a->address +
                         ": neither its cidr nor its netmask_length is known; "
                         "skipped");
        continue;
      }
      reservations_.push_back(Json{{"pool", *pool}, {"count", count}, {"label", a->address}});
    }
  }

  void choose_region() {
    region_ = in_.region;
    if (region_.empty()) region_ = doc_.provider_region();
    for (const std::string& id : pool_order_)
      if (region_.empty() && pools_[id].contains("locale"))
        region_ = pools_[id]["locale"].get<std::string>();
    if (region_.empty()) {
      region_ = "us-east-1";
      notes_.push_back(
          "no region in the plan (the aws provider's region is not a constant, no "
          "pool has a locale): taken as us-east-1; --region sets another");
    }
  }

  const TerraformImportInput& in_;
  TerraformDocument doc_;
  DemandSources demand_;
  std::string region_;
  std::map<std::string, Json> pools_;  // by Terraform address
  std::vector<std::string> pool_order_;
  std::map<std::string, std::string> source_of_;
  std::map<std::string, std::vector<Cidr>> cidrs_;
  std::map<std::string, std::vector<PendingNetmask>> pending_;
  std::set<std::string> used_pools_;
  bool advanced_ipam_ = false;
  Json reservations_ = Json::array();
  Json lbs_ = Json::array();
  std::vector<std::string> names_;
  std::vector<std::string> notes_;
};

}  // namespace

TerraformImportResult import_terraform(const TerraformImportInput& input) {
  return TerraformImporter(input).run();
}

}  // namespace albsim
