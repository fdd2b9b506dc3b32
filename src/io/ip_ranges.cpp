#include "io/ip_ranges.hpp"

#include <algorithm>

#include "io/read_file.hpp"

namespace albsim {

std::vector<Cidr> load_ip_ranges(const std::string& path, const std::string& region,
                                 const std::string& service) {
  nlohmann::json doc;
  try {
    doc = parse_json(read_file(path, "ip-ranges file", kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  if (!doc.is_object() || !doc.contains("prefixes") || !doc["prefixes"].is_array())
    throw std::runtime_error(path + " is not an AWS ip-ranges.json (no \"prefixes\")");
  std::vector<Cidr> out;
  for (const auto& p : doc["prefixes"]) {
    if (p.value("region", "") != region || p.value("service", "") != service) continue;
    const auto parsed = parse_cidr(p.value("ip_prefix", ""));
    if (!parsed.cidr)
      throw std::runtime_error(path + ": \"" + p.value("ip_prefix", "") + "\" is not an IPv4 CIDR");
    out.push_back(*parsed.cidr);
  }
  if (out.empty()) throw std::runtime_error(path + " has no " + service + " prefix in " + region);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace albsim
