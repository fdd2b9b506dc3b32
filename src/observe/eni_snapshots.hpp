// Periodic `aws ec2 describe-network-interfaces` outputs as an Observation. Each file is one
// snapshot; its time is the UTC time in its name (enis-2025-03-01T12:05:00Z.json, or the basic
// form 20250301T120500Z, as tools/observe/eni-snapshots.sh names them). An ALB node is an ENI
// described "ELB app/<name>/<id>"; its AZ and Association.PublicIp give the node's AZ and
// address. A snapshot's state holds until the next one; the last one's for one sampling interval
// (the median gap between snapshots), where the observation's coverage ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "observe/observation.hpp"
#include "observe/observed_lb.hpp"

namespace albsim {

// The UTC time in a snapshot's file name, or none.
std::optional<std::int64_t> snapshot_time_of(const std::string& path);

// Throws InputError naming the file (and the ENI's JSON pointer): a name without a time, two
// files of one time, a page with a NextToken (a partial snapshot), an ALB ENI without a public
// address or in an AZ the load balancer does not list, or no ENI of the scenario's load
// balancers in any snapshot.
Observation read_eni_snapshots(const std::vector<std::string>& files, const ObservedLbResolver& lbs,
                               const Scenario& scenario);

}  // namespace albsim
