#include "io/aws_pages.hpp"

#include <algorithm>

#include "albsim/input_error.hpp"
#include "io/read_file.hpp"

namespace albsim {

nlohmann::ordered_json read_json_file(const std::string& path) {
  try {
    return parse_ordered_json(read_file(path, "JSON file", kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw InputError(path, "", e.what());
  }
}

namespace {

// The AWS CLI commands albsim reads, and their neighbours, by the array (or object) they print.
struct AwsOutput {
  const char* key;
  const char* command;
};
constexpr AwsOutput kOutputs[] = {
    {"IpamPools", "aws ec2 describe-ipam-pools"},
    {"IpamPoolCidrs", "aws ec2 get-ipam-pool-cidrs"},
    {"IpamPoolAllocations", "aws ec2 get-ipam-pool-allocations"},
    {"HistoryRecords", "aws ec2 get-ipam-address-history"},
    {"LoadBalancers", "aws elbv2 describe-load-balancers"},
    {"NetworkInterfaces", "aws ec2 describe-network-interfaces"},
    {"MetricDataResults", "aws cloudwatch get-metric-data"},
    {"Datapoints", "aws cloudwatch get-metric-statistics"},
    {"Addresses", "aws ec2 describe-addresses"},
    {"ByoipCidrs", "aws ec2 describe-byoip-cidrs"},
    {"PublicIpv4Pools", "aws ec2 describe-public-ipv4-pools"},
    {"IpamResourceCidrs", "aws ec2 get-ipam-resource-cidrs"},
    {"IpamScopes", "aws ec2 describe-ipam-scopes"},
    {"Ipams", "aws ec2 describe-ipams"},
    {"LoadBalancerDescriptions", "aws elb describe-load-balancers (Classic Load Balancers)"},
    {"TargetGroups", "aws elbv2 describe-target-groups"},
    {"Listeners", "aws elbv2 describe-listeners"},
    {"Metrics", "aws cloudwatch list-metrics"},
};

const char* command_printing(const std::string& key) {
  for (const AwsOutput& o : kOutputs)
    if (key == o.key) return o.command;
  return nullptr;
}

}  // namespace

std::string what_aws_output_is(const nlohmann::ordered_json& doc,
                               std::initializer_list<const char*> keys) {
  if (!doc.is_object()) return "; the file is not a JSON object";
  for (const char* key : keys)
    for (const char* wrapper : {"data", "Data", "body", "Body", "result", "Result", "response"})
      if (doc.contains(wrapper) && doc[wrapper].is_object() && doc[wrapper].contains(key))
        return std::string("; here it is wrapped under \"") + wrapper +
               "\" by the tool that ran it: pass that object alone (jq '." + wrapper + "' FILE)";
  for (const AwsOutput& o : kOutputs)
    if (doc.contains(o.key) && std::none_of(keys.begin(), keys.end(),
                                            [&](const char* k) { return k == std::string(o.key); }))
      return std::string("; this file is the output of ") + o.command + " (\"" + o.key + "\")";
  return "";
}

std::string missing_aws_array(const nlohmann::ordered_json& doc, const std::string& key) {
  const char* wanted = command_printing(key);
  return "missing: this option takes the output of " +
         (wanted ? std::string(wanted) : "the AWS CLI") + " (\"" + key + "\": [...])" +
         what_aws_output_is(doc, {key.c_str()});
}

nlohmann::ordered_json& page_items(nlohmann::ordered_json& page, const std::string& file,
                                   const std::string& key) {
  if (!page.is_object() || !page.contains(key) || !page[key].is_array())
    throw InputError(file, "/" + key, missing_aws_array(page, key));
  return page[key];
}

bool page_continues(const nlohmann::ordered_json& page) {
  return page.contains("NextToken") && page["NextToken"].is_string() &&
         !page["NextToken"].get<std::string>().empty();
}

}  // namespace albsim
