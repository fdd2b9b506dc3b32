// Reading AWS's published ip-ranges.json: the IPv4 prefixes of one region and service.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "albsim/ipv4.hpp"

namespace albsim {

// Throws std::runtime_error (what() says what is wrong) when the file cannot be read, is not an
// ip-ranges.json, or has no prefix for that region and service.
std::vector<Cidr> load_ip_ranges(const std::string& path, const std::string& region,
                                 const std::string& service);

}  // namespace albsim
