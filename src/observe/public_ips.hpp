// Public IP Insights as an Observation: `aws ec2 get-ipam-discovered-public-addresses` outputs,
// one file per snapshot (every page of it), taken periodically. A load balancer's node is a
// record with Service "load-balancer", AssociationStatus "associated" and
// NetworkInterfaceDescription "ELB app/<name>/<id>"; unlike IPAM history, each record says
// whether its address is a pool's (a PublicIpv4PoolId, or an AddressType of byoip,
// service-managed-byoip or amazon-owned-contig) or AWS-managed. A file's time is its
// OldestSampleTime, else its records' oldest SampleTime; a file of the same time as an earlier one
// repeats that discovery and is skipped. Records carry no AZ.
#pragma once

#include <string>
#include <vector>

#include "observe/observation.hpp"
#include "observe/observed_lb.hpp"

namespace albsim {

// Throws InputError naming the file (and the record's JSON pointer): not such an output, a bad
// time or address, a last page with a NextToken, or no record of the scenario's load balancers.
Observation read_public_ips(const std::vector<std::string>& files, const ObservedLbResolver& lbs);

}  // namespace albsim
