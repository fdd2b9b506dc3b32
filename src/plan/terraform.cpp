// plan_terraform(): HCL for the recommended pool, laid out as `terraform fmt` does: two-space
// indents, the `=` of consecutive attributes aligned, one blank line between blocks.
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <variant>

#include "albsim/plan.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

struct Block;
struct Blank {};
struct Attribute {
  std::string key, value;  // value: HCL text
};
using Line = std::variant<Attribute, Blank, std::string, Block>;  // string: a comment
struct Block {
  std::string header;
  std::vector<Line> lines;
};

void write_block(std::ostream& out, const Block& block, const std::string& indent) {
  out << indent << block.header << " {\n";
  const std::string inner = indent + "  ";
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const Line& line = block.lines[i];
    if (const auto* a = std::get_if<Attribute>(&line)) {
      // Align with the attributes next to it (a run not broken by other lines).
      std::size_t first = i, last = i;
      while (first > 0 && std::holds_alternative<Attribute>(block.lines[first - 1])) --first;
      while (last + 1 < block.lines.size() &&
             std::holds_alternative<Attribute>(block.lines[last + 1]))
        ++last;
      std::size_t width = 0;
      for (std::size_t k = first; k <= last; ++k)
        width = std::max(width, std::get<Attribute>(block.lines[k]).key.size());
      out << inner << a->key << std::string(width - a->key.size(), ' ') << " = " << a->value
          << "\n";
    } else if (std::holds_alternative<Blank>(line)) {
      out << "\n";
    } else if (const auto* comment = std::get_if<std::string>(&line)) {
      out << inner << "# " << *comment << "\n";
    } else {
      write_block(out, std::get<Block>(line), inner);
    }
  }
  out << indent << "}\n";
}

// `s` as an HCL quoted string that reads back as itself: HCL's escapes (\" \\ \n \r \t, and
// \uNNNN for another control character) and its template sequences written as literals ($${,
// %%{), so nothing in an id or a name becomes Terraform.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(c));
      out += escape;
    } else {
      if ((c == '$' || c == '%') && i + 1 < s.size() && s[i + 1] == '{') out += c;
      out += c;
    }
  }
  return out + "\"";
}

// A Terraform resource name from an albsim id: lower case, [a-z0-9_], not starting with a digit.
std::string resource_name(const std::string& id) {
  std::string out;
  for (const char c : id)
    out += std::isalnum(static_cast<unsigned char>(c))
               ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
               : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "pool_" + out;
  return out;
}

// RFC 5737 documentation space: a CIDR in it is a placeholder, never anyone's BYOIP range.
bool documentation_space(const Cidr& c) {
  for (const Cidr& d :
       {Cidr{Ipv4{0xC0000200u}, 24}, Cidr{Ipv4{0xC6336400u}, 24}, Cidr{Ipv4{0xCB007100u}, 24}})
    if (d.contains(c)) return true;
  return false;
}

// The BYOIP CIDR as a variable: with the plan's CIDR as its default when that is real space,
// and only as a commented example when it is a placeholder, so `terraform plan` asks for it.
Block byoip_cidr_variable(const PlanResult& plan, const CandidateResult& r) {
  const Cidr& cidr = r.cidrs.front();
  std::string size = "/";
  size += std::to_string(cidr.length);
  Block v{"variable \"byoip_cidr\"",
          {Attribute{"description",
                     quoted("The " + size + " of your BYOIP range for pool " + plan.pool)},
           Attribute{"type", "string"}}};
  if (documentation_space(cidr)) {
    v.lines.push_back(std::string("PLACEHOLDER: the plan used " + cidr.to_string() +
                                  ", documentation space (RFC 5737), not your range."));
    v.lines.push_back(std::string("Give a " + size + " of your own, e.g. default = \"" +
                                  cidr.to_string() + "\" with your addresses."));
  } else {
    v.lines.push_back(Attribute{"default", quoted(cidr.to_string())});
  }
  return v;
}

}  // namespace

std::string plan_terraform(const PlanResult& plan) {
  if (!plan.recommendation) return "";
  const CandidateResult& r = plan.candidates[*plan.recommendation];
  if (r.kind == CandidateKind::managed_only) return "";
  const bool byoip = r.kind == CandidateKind::byoip;
  // Named after what it is, not only after the scenario's pool: "edge_byoip_27", "edge_amazon_29".
  const std::string pool =
      resource_name(plan.pool + (byoip ? "_byoip_" : "_amazon_") + std::to_string(r.netmask));

  std::ostringstream out;
  out << "# albsim plan" << (plan.scenario_name.empty() ? "" : ": " + shown(plan.scenario_name))
      << "\n"
      << "# Recommendation: " << shown(r.name) << " (" << r.addresses << " addresses) for pool "
      << shown(plan.pool) << ".\n";
  if (byoip) out << "# Carved from the top-level public-scope pool that holds your BYOIP range.\n";
  if (byoip && documentation_space(r.cidrs.front()))
    out << "# PLACEHOLDER: var.byoip_cidr has no default; give it a "
        << "/" << r.cidrs.front().length << " of your BYOIP range.\n";
  out << "\n";

  std::vector<Block> blocks;
  blocks.push_back({"variable \"ipam_public_scope_id\"",
                    {Attribute{"description", quoted("The public scope of your IPAM")},
                     Attribute{"type", "string"}}});
  if (byoip) {
    blocks.push_back(
        {"variable \"byoip_pool_id\"",
         {Attribute{"description",
                    quoted("The top-level IPAM pool provisioned with your BYOIP range")},
          Attribute{"type", "string"}}});
    blocks.push_back(byoip_cidr_variable(plan, r));
  }

  Block ipam_pool{
      "resource \"aws_vpc_ipam_pool\" " + quoted(pool),
      {Attribute{"address_family", quoted("ipv4")}, Attribute{"aws_service", quoted("ec2")},
       Attribute{"description", quoted("albsim: " + r.name + " for ALB nodes")},
       Attribute{"ipam_scope_id", "var.ipam_public_scope_id"},
       Attribute{"locale", quoted(plan.region)}}};
  if (byoip)
    ipam_pool.lines.push_back(Attribute{"source_ipam_pool_id", "var.byoip_pool_id"});
  else
    ipam_pool.lines.push_back(Attribute{"public_ip_source", quoted("amazon")});
  blocks.push_back(ipam_pool);

  Block cidr{"resource \"aws_vpc_ipam_pool_cidr\" " + quoted(pool), {}};
  if (byoip) {
    cidr.lines = {Attribute{"ipam_pool_id", "aws_vpc_ipam_pool." + pool + ".id"},
                  Attribute{"cidr", "var.byoip_cidr"}};
  } else {
    if (r.blocks > 1) cidr.lines = {Attribute{"count", std::to_string(r.blocks)}, Blank{}};
    cidr.lines.push_back(Attribute{"ipam_pool_id", "aws_vpc_ipam_pool." + pool + ".id"});
    cidr.lines.push_back(Attribute{"netmask_length", std::to_string(r.netmask)});
  }
  blocks.push_back(cidr);

  for (const std::string& lb : plan.load_balancers)
    blocks.push_back(
        {"resource \"aws_lb\" " + quoted(resource_name(lb)),
         {Attribute{"name", quoted(lb)}, Attribute{"load_balancer_type", quoted("application")},
          Blank{}, std::string("subnets, security_groups and the rest as today"), Blank{},
          Block{"ipam_pools",
                {Attribute{"ipv4_ipam_pool_id", "aws_vpc_ipam_pool." + pool + ".id"}}},
          Blank{}, Attribute{"depends_on", "[aws_vpc_ipam_pool_cidr." + pool + "]"}}});

  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) out << "\n";
    write_block(out, blocks[i], "");
  }
  return out.str();
}

}  // namespace albsim
