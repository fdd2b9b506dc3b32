// What `aws ec2 describe-network-interfaces` outputs (observe's --enis) say of each network
// interface: the evidence that attributes an IPAM history record, which names only the
// interface, to a load balancer (an ALB node's is described "ELB app/<name>/<id>").
#pragma once

#include <map>
#include <string>
#include <vector>

namespace albsim {

struct DescribedEni {
  std::string description;
  std::string requester;  // RequesterId: "amazon-elb" for a load balancer's node
  std::string origin;     // "<file>: <pointer>"
};

class EniDirectory {
 public:
  EniDirectory() = default;
  // Every ENI of every file (each a whole output or its pages). Throws InputError naming the
  // file: not such an output, or a page with a NextToken after the last file.
  explicit EniDirectory(const std::vector<std::string>& files);

  bool empty() const { return enis_.empty(); }
  // The ENI `id` as described, or null when no file describes it.
  const DescribedEni* find(const std::string& id) const;

 private:
  std::map<std::string, DescribedEni> enis_;
};

}  // namespace albsim
