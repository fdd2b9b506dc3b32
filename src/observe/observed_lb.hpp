// Which of the scenario's load balancers an observed address or ENI belongs to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

class ObservedLbResolver {
 public:
  // `lb_option`: the id given with --lb, which every observation is then about. Throws
  // InputError naming --lb when the scenario has no such load balancer.
  ObservedLbResolver(const Scenario& scenario, std::optional<std::string> lb_option);

  // The load balancer of an ENI described "ELB app/<name>/<id>": --lb when given (then only
  // that name counts), else the one whose id is <name>; none for another load balancer.
  std::optional<std::size_t> by_name(const std::string& name) const;

  // For sources that do not name the load balancer (IPAM history, DNS): --lb, else the only
  // load balancer, else the only one whose pool's CIDRs hold `address`. Throws InputError at
  // `file` and `pointer` when that leaves several or none.
  std::size_t for_address(std::uint32_t address, const std::string& file,
                          const std::string& pointer) const;

  // For a record that carries no evidence of its load balancer (IPAM history without --enis, or
  // an ENI the --enis files do not describe): the one load balancer drawing from the pool that
  // holds `address` (--lb then must be it, else none: another load balancer's), or for an
  // address no pool holds, --lb or the only load balancer. Throws InputError at `file` and
  // `pointer` naming --enis when several load balancers draw from the address's pool (or, for
  // an address outside every pool, several exist and no --lb is given).
  std::optional<std::size_t> by_pool(std::uint32_t address, const std::string& file,
                                     const std::string& pointer) const;

  // The load balancer --lb names; none without --lb.
  std::optional<std::size_t> chosen() const { return chosen_; }

 private:
  // The load balancers whose pool's CIDRs hold `address`, ascending.
  std::vector<std::size_t> drawing_from_pool_of(std::uint32_t address) const;

  const Scenario& scenario_;
  std::optional<std::size_t> chosen_;
};

// The <name> of an ALB node's ENI description "ELB app/<name>/<id>"; none for any other ENI.
std::optional<std::string> alb_name_of_eni(const std::string& description);

}  // namespace albsim
