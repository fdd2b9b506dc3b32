// Import from Terraform: a scenario built from `terraform show -json` output (a plan or a
// state): IPAM pools (aws_vpc_ipam_pool, their aws_vpc_ipam_pool_cidr, data sources of existing
// pools and their CIDRs), the IPAM tier, application load balancers (aws_lb, aws_alb) with the
// AZs of their subnets, the pool of their `ipam_pools` block and their
// `minimum_load_balancer_capacity`, and reservations (aws_eip with an `ipam_pool_id`, NAT
// gateways' among them; aws_vpc_ipam_pool_cidr_allocation). Ids unknown before apply are
// followed through the configuration's references, within modules, `count` and `for_each`.
// Pool ids are Terraform addresses; a load balancer's id is its `name` when the plan knows it.
// What it skips or assumes is in `notes`, each naming the Terraform address.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "import/demand_sources.hpp"

namespace albsim {

struct TerraformImportInput {
  std::string plan;     // `terraform show -json` output
  bool before = false;  // the plan's before side (the baseline) instead of its after side
  // Demand: the plan does not say it. Without --metrics or --demand a load balancer's demand is
  // a placeholder that `validate`, `run` and `plan` refuse until it is filled in.
  DemandInput demand;
  std::string region;  // empty: the aws provider's constant region, else the pools' locale
};

struct TerraformImportResult {
  nlohmann::ordered_json scenario;
  std::vector<std::string> notes;
};

// Throws InputError naming the plan file and the JSON pointer of a fault, and for an after side
// without a load balancer. A before side may have none (the change creates them all).
TerraformImportResult import_terraform(const TerraformImportInput& input);

}  // namespace albsim
