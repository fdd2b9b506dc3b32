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
    throw ReadError(path + ": " + e.what());
  }
  if (!doc.is_object() || !doc.contains("prefixes") || !doc["prefixes"].is_array())
    throw ReadError(path + " is not an AWS ip-ranges.json (no \"prefixes\")");
  std::vector<Cidr> out;
  const auto& prefixes = doc["prefixes"];
  for (std::size_t i = 0; i < prefixes.size(); ++i) {
    const auto& p = prefixes[i];
    const std::string where = path + ": /prefixes/" + std::to_string(i);
    // A string member, "" when absent.
    auto text = [&](const char* key) {
      const auto it = p.find(key);
      if (it == p.end()) return std::string();
      if (!it->is_string()) throw ReadError(where + "/" + key + " is not a string");
      return it->get<std::string>();
    };
    if (!p.is_object()) throw ReadError(where + " is not an object");
    if (text("region") != region || text("service") != service) continue;
    const auto parsed = parse_cidr(text("ip_prefix"));
    if (!parsed.cidr)
      throw ReadError(where + "/ip_prefix: \"" + text("ip_prefix") + "\" is not an IPv4 CIDR");
    out.push_back(*parsed.cidr);
  }
  if (out.empty()) throw ReadError(path + " has no " + service + " prefix in " + region);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace albsim
