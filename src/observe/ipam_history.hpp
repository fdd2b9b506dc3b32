// `aws ec2 get-ipam-address-history` output as an Observation: every page given, each record of
// a network interface holding a public /32 (records of instances, EIPs, VPCs and subnets, and
// IPv6 ones, are counted as ignored). A record without SampledEndTime is still held. A network
// interface's record belongs to the load balancer its --enis description names (another ALB's
// or another resource's is ignored); without a description, to the one load balancer drawing
// from the address's pool (ObservedLbResolver::by_pool), counted as unattributed.
#pragma once

#include <string>
#include <vector>

#include "observe/eni_directory.hpp"
#include "observe/observation.hpp"
#include "observe/observed_lb.hpp"

namespace albsim {

// The largest of 1 h, 30 m, 15 m, 10 m, 5 m, 1 m and 1 s that divides every start and end
// time (epoch ms) of at least four distinct ones; 0 when none does.
std::int64_t time_grid_of(const std::vector<ObservedHolding>& holdings);

// `grid_ms`: how late IPAM records a change (--ipam-sampling); 0: the grid the times show
// (time_grid_of). Throws InputError naming the file and the record's JSON pointer on a bad record
// (a missing or malformed time or CIDR, an end before the start, one address held twice at once)
// and on a last page with a NextToken.
Observation read_ipam_history(const std::vector<std::string>& files, const ObservedLbResolver& lbs,
                              const EniDirectory& enis, std::int64_t grid_ms);

}  // namespace albsim
