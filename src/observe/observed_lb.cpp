#include "observe/observed_lb.hpp"

#include <algorithm>
#include <vector>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"

namespace albsim {

ObservedLbResolver::ObservedLbResolver(const Scenario& scenario,
                                       std::optional<std::string> lb_option)
    : scenario_(scenario) {
  if (!lb_option) return;
  for (std::size_t i = 0; i < scenario.load_balancers.size(); ++i)
    if (scenario.load_balancers[i].id == *lb_option) chosen_ = i;
  if (!chosen_) {
    std::string ids;
    for (const LoadBalancerSpec& lb : scenario.load_balancers)
      ids += (ids.empty() ? "" : ", ") + lb.id;
    throw InputError("--lb", *lb_option,
                     "the scenario has no such load balancer (it has " + ids + ")");
  }
}

std::optional<std::size_t> ObservedLbResolver::by_name(const std::string& name) const {
  if (chosen_) return name == scenario_.load_balancers[*chosen_].id ? chosen_ : std::nullopt;
  for (std::size_t i = 0; i < scenario_.load_balancers.size(); ++i)
    if (scenario_.load_balancers[i].id == name) return i;
  return std::nullopt;
}

std::size_t ObservedLbResolver::for_address(std::uint32_t address, const std::string& file,
                                            const std::string& pointer) const {
  if (chosen_) return *chosen_;
  if (scenario_.load_balancers.size() == 1) return 0;
  const std::vector<std::size_t> drawing = drawing_from_pool_of(address);
  if (drawing.size() == 1) return drawing.front();
  throw InputError(
      file, pointer,
      Ipv4{address}.to_string() + ": this source does not say which load balancer holds it, and " +
          (drawing.empty() ? std::string("no load balancer's pool holds it")
                           : std::to_string(drawing.size()) + " load balancers share its pool") +
          "; pass --lb ID (one observation per load balancer)");
}

std::optional<std::size_t> ObservedLbResolver::by_pool(std::uint32_t address,
                                                       const std::string& file,
                                                       const std::string& pointer) const {
  const std::vector<std::size_t> drawing = drawing_from_pool_of(address);
  const auto ask_for_evidence = [&](const std::string& why) {
    return InputError(file, pointer,
                      Ipv4{address}.to_string() + ": " + why +
                          ", and this record does not say which holds it; pass --enis FILE... "
                          "(aws ec2 describe-network-interfaces output) to attribute each "
                          "network interface by its description \"ELB app/<name>/<id>\"");
  };
  if (drawing.size() > 1)
    throw ask_for_evidence(std::to_string(drawing.size()) + " load balancers draw from its pool");
  if (drawing.size() == 1) {
    if (chosen_ && *chosen_ != drawing.front()) return std::nullopt;
    return drawing.front();
  }
  if (chosen_) return chosen_;
  if (scenario_.load_balancers.size() == 1) return 0;
  throw ask_for_evidence("no pool of the scenario holds it and it has " +
                         std::to_string(scenario_.load_balancers.size()) + " load balancers");
}

std::vector<std::size_t> ObservedLbResolver::drawing_from_pool_of(std::uint32_t address) const {
  std::vector<std::size_t> drawing;
  for (std::size_t i = 0; i < scenario_.load_balancers.size(); ++i) {
    const auto& pool = scenario_.load_balancers[i].pool;
    if (!pool) continue;
    const std::vector<Cidr>& cidrs = scenario_.pools[*pool].cidrs;
    if (std::any_of(cidrs.begin(), cidrs.end(),
                    [&](const Cidr& cidr) { return cidr.contains(Ipv4{address}); }))
      drawing.push_back(i);
  }
  return drawing;
}

std::optional<std::string> alb_name_of_eni(const std::string& description) {
  static const std::string prefix = "ELB app/";
  if (description.rfind(prefix, 0) != 0) return std::nullopt;
  const std::size_t slash = description.find('/', prefix.size());
  if (slash == std::string::npos || slash == prefix.size()) return std::nullopt;
  return description.substr(prefix.size(), slash - prefix.size());
}

}  // namespace albsim
