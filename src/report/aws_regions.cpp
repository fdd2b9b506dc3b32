// AWS Regions as the bill names them: the code in usage types and the Region's name.
#include <array>
#include <string_view>

#include "albsim/charges.hpp"

namespace albsim {
namespace {

struct RegionNames {
  std::string_view region, usage_code, name;
};

// From AWS's price list (the usage-type prefix of each Region) and its Regions page.
constexpr std::array kRegions{
    RegionNames{"us-east-1", "USE1", "US East (N. Virginia)"},
    RegionNames{"us-east-2", "USE2", "US East (Ohio)"},
    RegionNames{"us-west-1", "USW1", "US West (N. California)"},
    RegionNames{"us-west-2", "USW2", "US West (Oregon)"},
    RegionNames{"af-south-1", "AFS1", "Africa (Cape Town)"},
    RegionNames{"ap-east-1", "APE1", "Asia Pacific (Hong Kong)"},
    RegionNames{"ap-south-1", "APS3", "Asia Pacific (Mumbai)"},
    RegionNames{"ap-south-2", "APS5", "Asia Pacific (Hyderabad)"},
    RegionNames{"ap-southeast-1", "APS1", "Asia Pacific (Singapore)"},
    RegionNames{"ap-southeast-2", "APS2", "Asia Pacific (Sydney)"},
    RegionNames{"ap-southeast-3", "APS4", "Asia Pacific (Jakarta)"},
    RegionNames{"ap-southeast-4", "APS6", "Asia Pacific (Melbourne)"},
    RegionNames{"ap-northeast-1", "APN1", "Asia Pacific (Tokyo)"},
    RegionNames{"ap-northeast-2", "APN2", "Asia Pacific (Seoul)"},
    RegionNames{"ap-northeast-3", "APN3", "Asia Pacific (Osaka)"},
    RegionNames{"ca-central-1", "CAN1", "Canada (Central)"},
    RegionNames{"ca-west-1", "CAN2", "Canada West (Calgary)"},
    RegionNames{"eu-central-1", "EUC1", "Europe (Frankfurt)"},
    RegionNames{"eu-central-2", "EUC2", "Europe (Zurich)"},
    RegionNames{"eu-west-1", "EU", "Europe (Ireland)"},
    RegionNames{"eu-west-2", "EUW2", "Europe (London)"},
    RegionNames{"eu-west-3", "EUW3", "Europe (Paris)"},
    RegionNames{"eu-south-1", "EUS1", "Europe (Milan)"},
    RegionNames{"eu-south-2", "EUS2", "Europe (Spain)"},
    RegionNames{"eu-north-1", "EUN1", "Europe (Stockholm)"},
    RegionNames{"il-central-1", "ILC1", "Israel (Tel Aviv)"},
    RegionNames{"me-south-1", "MES1", "Middle East (Bahrain)"},
    RegionNames{"me-central-1", "MEC1", "Middle East (UAE)"},
    RegionNames{"sa-east-1", "SAE1", "South America (Sao Paulo)"},
    RegionNames{"us-gov-west-1", "UGW1", "AWS GovCloud (US-West)"},
    RegionNames{"us-gov-east-1", "UGE1", "AWS GovCloud (US-East)"},
};

const RegionNames* find_region(const std::string& region) {
  for (const RegionNames& r : kRegions)
    if (r.region == region) return &r;
  return nullptr;
}

}  // namespace

std::string region_usage_code(const std::string& region) {
  const RegionNames* r = find_region(region);
  return r ? std::string(r->usage_code) : region;
}

std::string region_name(const std::string& region) {
  const RegionNames* r = find_region(region);
  return r ? std::string(r->name) : std::string();
}

std::string usage_type_of(ChargeKind kind, const std::string& region) {
  const std::string code = region_usage_code(region);
  switch (kind) {
    case ChargeKind::in_use_address:
      return code + "-PublicIPv4:InUseAddress";
    case ChargeKind::contiguous_block:
      return code + "-PublicIPv4:ContiguousBlock";
    case ChargeKind::ipam_ip_hours:
      return code + "-IPAddressManager-IP-Hours";
    case ChargeKind::byoip_ownership:
      return "BYOIP-Ownership";
  }
  return {};
}

}  // namespace albsim
