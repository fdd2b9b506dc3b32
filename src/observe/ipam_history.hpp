// `aws ec2 get-ipam-address-history` output as an Observation: every page given, each record of
// a network interface holding a public /32 (records of instances, EIPs, VPCs and subnets, and
// IPv6 ones, are counted as ignored). A record without SampledEndTime is still held.
#pragma once

#include <string>
#include <vector>

#include "observe/observation.hpp"
#include "observe/observed_lb.hpp"

namespace albsim {

// Throws InputError naming the file and the record's JSON pointer on a bad record (a missing or
// malformed time or CIDR, an end before the start, one address held twice at once) and on a
// last page with a NextToken.
Observation read_ipam_history(const std::vector<std::string>& files, const ObservedLbResolver& lbs);

}  // namespace albsim
