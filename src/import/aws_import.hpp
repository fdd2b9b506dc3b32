// Import from AWS: a scenario skeleton built from the JSON the AWS CLI prints (ec2
// describe-ipam-pools, ec2 get-ipam-pool-cidrs, ec2 get-ipam-pool-allocations, elbv2
// describe-load-balancers, optionally cloudwatch get-metric-data or get-metric-statistics).
// What it skips or assumes is listed in `notes`, and where it would have to guess it refuses;
// the caller validates the result before writing it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "import/demand_sources.hpp"

namespace albsim {

struct AwsImportInput {
  std::vector<std::string> ipam_pools;      // describe-ipam-pools pages (none: no IPAM)
  std::vector<std::string> load_balancers;  // describe-load-balancers pages
  // get-ipam-pool-cidrs / get-ipam-pool-allocations outputs: "POOL_ID=FILE", or "FILE" when
  // exactly one pool is imported (these outputs do not name their pool).
  std::vector<std::string> pool_cidrs;
  std::vector<std::string> allocations;
  DemandInput demand;  // --metrics, --demand, --horizon (demand_sources.hpp)
  std::string region;  // empty: from the load balancers' ARNs, else the pools
};

struct AwsImportResult {
  nlohmann::ordered_json scenario;
  std::vector<std::string> notes;
};

// Throws InputError naming the input file and the JSON pointer of a fault.
AwsImportResult import_aws(const AwsImportInput& input);

}  // namespace albsim
