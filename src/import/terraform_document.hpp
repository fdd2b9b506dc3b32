// Reading `terraform show -json` output (a plan, or a state): every resource instance with its
// attribute values on one side of the change, and the references of the configuration that say
// which instance an attribute names when its value (an id) is known only after apply.
//
// The format (developer.hashicorp.com/terraform/internals/json-format): a plan has
// `resource_changes` (each instance's `change.before` / `after` / `after_unknown`),
// `planned_values`, `prior_state` and `configuration` (per module: `resources` with their
// `expressions`, whose attributes hold `constant_value` or `references`, and `module_calls`);
// a state has `values.root_module`. Unknown object members are ignored (minor versions add
// them); a `format_version` whose major is not 0 or 1 is refused.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace albsim {

// Which side of a plan's change to read. A state has only one (its values are `after`).
enum class TerraformSide { after, before };

// One resource instance (managed or data) on the side read.
struct TerraformInstance {
  std::string address;                   // module.web["eu"].aws_lb.this
  std::string module_address;            // module.web["eu"] ("" at the root)
  std::vector<std::string> module_path;  // {"web"}: the module calls, without instance keys
  bool data = false;                     // a data source
  std::string type, name;
  nlohmann::ordered_json index;    // null, a number (count) or a string (for_each)
  nlohmann::ordered_json values;   // attribute values; unknown ones are null or absent
  nlohmann::ordered_json unknown;  // `after_unknown`: true where a value is known after apply
  std::string pointer;             // JSON pointer of `values` in the file, for messages
};

// What an attribute names: an instance of the plan, or an id the plan does not hold.
struct TerraformTarget {
  const TerraformInstance* instance = nullptr;
  std::string id;  // the known value, when no instance of the plan has it as its id
};

class TerraformDocument {
 public:
  // Reads `file`. Throws InputError (file, pointer, what would be right) for a file that is not
  // `terraform show -json` output (a binary plan, `terraform plan -json`'s log, other JSON) and
  // for a plan that errored.
  TerraformDocument(const std::string& file, TerraformSide side);

  const std::string& file() const { return file_; }
  bool is_plan() const { return plan_; }
  // False for a plan that defers changes to a later plan (`"complete": false`).
  bool complete() const { return complete_; }
  const std::vector<TerraformInstance>& instances() const { return instances_; }

  // The value at `pointer` (like "/ipam_pools/0/ipv4_ipam_pool_id") of `instance`, or null
  // when absent or known only after apply.
  nlohmann::ordered_json known(const TerraformInstance& instance, const std::string& pointer) const;

  // What the attribute at `pointer` names among instances of `types`: its known value (a string,
  // or each string of a list) matched to the instance whose `id` it is, else the configuration's
  // references resolved in the instance's module (through `var.` to the module call's argument,
  // through `module.X.OUT` to that module's output). Empty when neither says.
  std::vector<TerraformTarget> targets(const TerraformInstance& instance,
                                       const std::string& pointer,
                                       const std::vector<std::string>& types) const;

  // The references the configuration gives for `pointer` of `instance` (empty when none).
  std::vector<std::string> references(const TerraformInstance& instance,
                                      const std::string& pointer) const;

  // The aws provider's `region` when the root configuration sets it as a constant or a root
  // variable (whose value the plan records), else "".
  std::string provider_region() const;

 private:
  struct Context {
    std::vector<std::string> path;  // module call names
    std::string address;            // module instance address, or its prefix without a key
    nlohmann::ordered_json index;   // the referring instance's index, for `[count.index]`
  };

  void read_plan(TerraformSide side);
  void read_state();
  void add_module(const nlohmann::ordered_json& module, const std::string& pointer);
  void add(const nlohmann::ordered_json& resource, nlohmann::ordered_json values,
           nlohmann::ordered_json unknown, const std::string& pointer);
  const nlohmann::ordered_json* config_module(const std::vector<std::string>& path) const;
  const nlohmann::ordered_json* expression(const TerraformInstance& instance,
                                           const std::string& pointer) const;
  std::vector<const TerraformInstance*> resolve(const std::string& reference, const Context& at,
                                                int depth) const;
  std::vector<const TerraformInstance*> resolve_all(const nlohmann::ordered_json& expression,
                                                    const Context& at, int depth) const;

  std::string file_;
  nlohmann::ordered_json doc_;
  bool plan_ = false;
  bool complete_ = true;
  std::vector<TerraformInstance> instances_;
};

}  // namespace albsim
