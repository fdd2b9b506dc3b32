#include "import/terraform_document.hpp"

#include <algorithm>
#include <set>

#include "albsim/input_error.hpp"
#include "import/json_fields.hpp"
#include "io/read_file.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxReferenceDepth = 16;  // var -> module call -> output -> ... before giving up

constexpr const char* kHowToExport =
    "run `terraform plan -out=tfplan && terraform show -json tfplan > plan.json` (or "
    "`terraform show -json > state.json` for the state) and give that file";

// `text` split at the dots outside brackets and quotes: module.web["a.b"].x -> module,
// web["a.b"], x.
std::vector<std::string> split_address(const std::string& text) {
  std::vector<std::string> parts(1);
  int brackets = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 1 < text.size())
        parts.back() += text[i++];
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      --brackets;
    } else if (c == '.' && brackets == 0) {
      parts.emplace_back();
      continue;
    }
    parts.back() += c;
  }
  return parts;
}

// A part's name and its instance key: web["eu"] -> web, "eu"; a[0] -> a, 0; a -> a, null. A key
// that is not a literal (a[count.index]) reads as none.
std::pair<std::string, Json> name_and_key(const std::string& part) {
  const std::size_t open = part.find('[');
  if (open == std::string::npos || part.back() != ']') return {part, nullptr};
  const std::string key = part.substr(open + 1, part.size() - open - 2);
  Json parsed;
  try {
    parsed = Json::parse(key);
  } catch (const Json::exception&) {
    parsed = nullptr;
  }
  if (!parsed.is_string() && !parsed.is_number_integer()) parsed = nullptr;
  return {part.substr(0, open), parsed};
}

// The module part of a resource address and the module call names along it.
void split_module(const std::string& address, std::string& module_address,
                  std::vector<std::string>& path) {
  const std::vector<std::string> parts = split_address(address);
  std::size_t i = 0;
  while (i + 1 < parts.size() && parts[i] == "module") {
    module_address += (module_address.empty() ? "" : ".") + parts[i] + "." + parts[i + 1];
    path.push_back(name_and_key(parts[i + 1]).first);
    i += 2;
  }
}

// The value at `pointer` of `j`, or null.
const Json* at_pointer(const Json& j, const std::string& pointer) {
  try {
    const Json::json_pointer p(pointer);
    return j.contains(p) ? &j.at(p) : nullptr;
  } catch (const Json::exception&) {
    return nullptr;
  }
}

// Walks `pointer` (our own, like "/ipam_pools/0/ipv4_ipam_pool_id") down from `root`, calling
// `visit(node)` at each node reached; stops where the document goes no further, or where
// `visit` returns true. Returns whether it stopped on `visit`.
template <class Visit>
bool walk(const Json& root, const std::string& pointer, Visit&& visit) {
  const Json* node = &root;
  std::size_t from = 1;
  while (from <= pointer.size()) {
    const std::size_t to = std::min(pointer.find('/', from), pointer.size());
    const std::string token = pointer.substr(from, to - from);
    if (node->is_object() && node->contains(token)) {
      node = &(*node)[token];
    } else if (node->is_array() && !token.empty() && token.size() < 10 &&
               std::all_of(token.begin(), token.end(), ::isdigit) &&
               std::stoul(token) < node->size()) {
      node = &(*node)[std::stoul(token)];
    } else {
      return false;
    }
    if (visit(*node)) return true;
    from = to + 1;
  }
  return false;
}

// Whether `after_unknown` marks `pointer` (or a value holding it) as known only after apply.
bool unknown_at(const Json& unknown, const std::string& pointer) {
  if (unknown.is_boolean()) return unknown.get<bool>();
  return walk(unknown, pointer, [](const Json& node) { return node == Json(true); });
}

// What a JSON document that is not `terraform show -json` output is, when it can tell.
std::string what_it_is(const Json& doc) {
  if (!doc.is_object()) return "it is not a JSON object";
  if (doc.contains("serial") && doc.contains("lineage") && doc.contains("resources"))
    return "it is a raw terraform.tfstate file";
  for (const char* key : {"LoadBalancers", "IpamPools", "IpamPoolCidrs", "MetricDataResults"})
    if (doc.contains(key))
      return std::string("it is AWS CLI output (\"") + key + "\"): use albsim import aws for it";
  if (doc.contains("@level") || doc.contains("@message"))
    return "it is a line of `terraform plan -json`'s log";
  return "it has no \"format_version\"";
}

}  // namespace

TerraformDocument::TerraformDocument(const std::string& file, TerraformSide side) : file_(file) {
  std::string text;
  try {
    text = read_file(file, "Terraform JSON", kMaxJsonBytes);
  } catch (const ReadError& e) {
    throw InputError(file, "", e.what());
  }
  if (text.rfind("PK\x03\x04", 0) == 0)
    throw InputError(file, "", std::string("a binary plan file, not JSON: ") + kHowToExport);
  // `terraform plan -json` prints one JSON object per line (its machine-readable log).
  if (text.rfind("{\"@level\"", 0) == 0)
    throw InputError(
        file, "",
        std::string("the log `terraform plan -json` prints, not the plan: ") + kHowToExport);
  try {
    doc_ = parse_ordered_json(text);
  } catch (const ReadError& e) {
    throw InputError(file, "", e.what());
  }
  if (!doc_.is_object() || !doc_.contains("format_version"))
    throw InputError(
        file, "", "not `terraform show -json` output (" + what_it_is(doc_) + "); " + kHowToExport);
  const Json& version = doc_["format_version"];
  const std::string v = version.is_string() ? version.get<std::string>() : "";
  if (v.empty() || (v.rfind("0.", 0) != 0 && v.rfind("1.", 0) != 0))
    throw InputError(file, "/format_version",
                     "format " + version.dump() +
                         " is not one albsim reads (1.x, as Terraform 0.12 to 1.x print)");
  plan_ = doc_.contains("resource_changes") || doc_.contains("planned_values");
  if (doc_.contains("errored") && doc_["errored"] == true)
    throw InputError(file, "/errored",
                     "terraform plan failed part way, so the plan is not the whole change; fix "
                     "the errors `terraform plan` prints, then export it again");
  complete_ = !(doc_.contains("complete") && doc_["complete"] == false);
  if (plan_) {
    read_plan(side);
  } else {
    if (side == TerraformSide::before)
      throw InputError(file, "", "a state has no change, so no before: give a plan's JSON");
    read_state();
  }
}

void TerraformDocument::read_plan(TerraformSide side) {
  std::set<std::string> seen;
  const Json& changes = doc_.contains("resource_changes") && doc_["resource_changes"].is_array()
                            ? doc_["resource_changes"]
                            : Json::array();
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Json& rc = changes[i];
    const std::string address = text(rc, "address");
    if (address.empty() || !rc.contains("change") || !rc["change"].is_object())
      throw InputError(file_, "/resource_changes/" + std::to_string(i),
                       "a resource change needs an \"address\" and a \"change\" object");
    seen.insert(address);
    const Json& change = rc["change"];
    const std::string at = "/resource_changes/" + std::to_string(i) + "/change/";
    const Json actions = change.value("actions", Json::array());
    if (side == TerraformSide::after) {
      if (actions == Json::array({"delete"})) continue;
      const Json after = change.contains("after") && change["after"].is_object() ? change["after"]
                                                                                 : Json::object();
      add(rc, after, change.value("after_unknown", Json::object()), at + "after");
    } else {
      if (!change.contains("before") || !change["before"].is_object()) continue;
      add(rc, change["before"], Json::object(), at + "before");
    }
  }
  // Instances no change names: data sources read while planning, and whatever the plan holds
  // only in its values.
  const auto add_unseen = [&](const char* key, const std::string& pointer) {
    if (!doc_.contains(key) || !doc_[key].is_object()) return;
    const Json& values = doc_[key].contains("values") ? doc_[key]["values"] : doc_[key];
    if (!values.is_object() || !values.contains("root_module")) return;
    const std::size_t before = instances_.size();
    add_module(values["root_module"], pointer);
    std::vector<TerraformInstance> kept(instances_.begin(), instances_.begin() + before);
    for (std::size_t k = before; k < instances_.size(); ++k)
      if (seen.insert(instances_[k].address).second) kept.push_back(std::move(instances_[k]));
    instances_ = std::move(kept);
  };
  if (side == TerraformSide::after) add_unseen("planned_values", "/planned_values/root_module");
  add_unseen("prior_state", "/prior_state/values/root_module");
}

void TerraformDocument::read_state() {
  const Json* root = at_pointer(doc_, "/values/root_module");
  if (root && root->is_object()) add_module(*root, "/values/root_module");
}

void TerraformDocument::add_module(const Json& module, const std::string& pointer) {
  if (module.contains("resources") && module["resources"].is_array())
    for (std::size_t i = 0; i < module["resources"].size(); ++i) {
      const Json& r = module["resources"][i];
      const std::string at = pointer + "/resources/" + std::to_string(i);
      if (text(r, "address").empty())
        throw InputError(file_, at, "a resource needs its \"address\"");
      add(r, r.contains("values") && r["values"].is_object() ? r["values"] : Json::object(),
          Json::object(), at + "/values");
    }
  if (module.contains("child_modules") && module["child_modules"].is_array())
    for (std::size_t i = 0; i < module["child_modules"].size(); ++i)
      add_module(module["child_modules"][i], pointer + "/child_modules/" + std::to_string(i));
}

void TerraformDocument::add(const Json& resource, Json values, Json unknown,
                            const std::string& pointer) {
  TerraformInstance instance;
  instance.address = text(resource, "address");
  split_module(instance.address, instance.module_address, instance.module_path);
  instance.data = text(resource, "mode") == "data";
  instance.type = text(resource, "type");
  instance.name = text(resource, "name");
  instance.index = resource.contains("index") ? resource["index"] : Json(nullptr);
  instance.values = std::move(values);
  instance.unknown = std::move(unknown);
  instance.pointer = pointer;
  if (instance.type.empty() || instance.name.empty())
    throw InputError(file_, pointer, "resource " + instance.address + " has no type or name");
  instances_.push_back(std::move(instance));
}

Json TerraformDocument::known(const TerraformInstance& instance, const std::string& pointer) const {
  if (unknown_at(instance.unknown, pointer)) return nullptr;
  const Json* value = at_pointer(instance.values, pointer);
  return value ? *value : Json(nullptr);
}

const Json* TerraformDocument::config_module(const std::vector<std::string>& path) const {
  const Json* module = at_pointer(doc_, "/configuration/root_module");
  for (const std::string& call : path) {
    if (!module) return nullptr;
    module = at_pointer(*module, "/module_calls/" + call + "/module");
  }
  return module;
}

const Json* TerraformDocument::expression(const TerraformInstance& instance,
                                          const std::string& pointer) const {
  const Json* module = config_module(instance.module_path);
  if (!module || !module->contains("resources")) return nullptr;
  const std::string address = (instance.data ? "data." : "") + instance.type + "." + instance.name;
  for (const Json& r : (*module)["resources"]) {
    if (text(r, "address") != address || !r.contains("expressions")) continue;
    // Down the pointer as far as the expressions go: a list attribute (subnets) has one
    // expression for the whole list.
    const Json* found = nullptr;
    walk(r["expressions"], pointer, [&](const Json& node) {
      if (node.is_object() && (node.contains("references") || node.contains("constant_value")))
        found = &node;
      return false;
    });
    return found;
  }
  return nullptr;
}

std::vector<std::string> TerraformDocument::references(const TerraformInstance& instance,
                                                       const std::string& pointer) const {
  std::vector<std::string> out;
  const Json* e = expression(instance, pointer);
  if (e && e->contains("references") && (*e)["references"].is_array())
    for (const Json& r : (*e)["references"])
      if (r.is_string()) out.push_back(r.get<std::string>());
  return out;
}

std::vector<const TerraformInstance*> TerraformDocument::resolve_all(const Json& expression,
                                                                     const Context& at,
                                                                     int depth) const {
  std::vector<const TerraformInstance*> out;
  if (!expression.is_object() || !expression.contains("references") ||
      !expression["references"].is_array())
    return out;
  for (const Json& r : expression["references"]) {
    if (!r.is_string()) continue;
    for (const TerraformInstance* i : resolve(r.get<std::string>(), at, depth + 1))
      if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  }
  return out;
}

std::vector<const TerraformInstance*> TerraformDocument::resolve(const std::string& reference,
                                                                 const Context& at,
                                                                 int depth) const {
  if (depth > kMaxReferenceDepth) return {};
  const std::vector<std::string> parts = split_address(reference);
  if (parts.size() < 2) return {};
  if (parts[0] == "var") {
    // A module's variable: the argument its call passes, resolved where the call is.
    if (at.path.empty()) return {};
    std::vector<std::string> parent(at.path.begin(), at.path.end() - 1);
    const Json* caller = config_module(parent);
    const Json* argument =
        caller ? at_pointer(*caller, "/module_calls/" + at.path.back() + "/expressions/" +
                                         name_and_key(parts[1]).first)
               : nullptr;
    if (!argument) return {};
    const std::size_t cut = at.address.rfind("module.");
    const std::string parent_address =
        cut == 0 || cut == std::string::npos ? "" : at.address.substr(0, cut - 1);
    return resolve_all(*argument, Context{parent, parent_address, nullptr}, depth);
  }
  if (parts[0] == "module") {
    if (parts.size() < 3) return {};
    const auto [call, key] = name_and_key(parts[1]);
    std::vector<std::string> inner = at.path;
    inner.push_back(call);
    const Json* module = config_module(inner);
    const Json* output =
        module ? at_pointer(*module, "/outputs/" + parts[2] + "/expression") : nullptr;
    if (!output) return {};
    const std::string address = (at.address.empty() ? "" : at.address + ".") + "module." + parts[1];
    return resolve_all(*output, Context{inner, address, nullptr}, depth);
  }
  static const std::set<std::string> kNotResources = {"local", "each",      "count", "path",
                                                      "self",  "terraform", "null"};
  if (kNotResources.count(parts[0])) return {};
  const bool data = parts[0] == "data";
  if (data && parts.size() < 3) return {};
  const std::string type = parts[data ? 1 : 0];
  const auto [name, key] = name_and_key(parts[data ? 2 : 1]);

  std::vector<const TerraformInstance*> out;
  for (const TerraformInstance& i : instances_) {
    if (i.data != data || i.type != type || i.name != name || i.module_path != at.path) continue;
    // The module instance: the referrer's own, or every instance of a module call named
    // without a key.
    const bool same_module =
        i.module_address == at.address ||
        (i.module_address.rfind(at.address, 0) == 0 &&
         i.module_address.size() > at.address.size() && i.module_address[at.address.size()] == '[');
    if (!same_module) continue;
    if (!key.is_null() && i.index != key) continue;
    out.push_back(&i);
  }
  // aws_subnet.a[count.index]: the reference lists aws_subnet.a; the referrer's own index picks.
  if (out.size() > 1 && key.is_null() && !at.index.is_null()) {
    std::vector<const TerraformInstance*> same;
    for (const TerraformInstance* i : out)
      if (i->index == at.index) same.push_back(i);
    if (!same.empty()) return same;
  }
  return out;
}

std::vector<TerraformTarget> TerraformDocument::targets(
    const TerraformInstance& instance, const std::string& pointer,
    const std::vector<std::string>& types) const {
  const auto of_type = [&](const TerraformInstance& i) {
    return std::find(types.begin(), types.end(), i.type) != types.end();
  };
  const auto by_id = [&](const std::string& id) {
    for (const TerraformInstance& i : instances_)
      if (of_type(i) && (text(i.values, "id") == id || text(i.values, "arn") == id))
        return TerraformTarget{&i, ""};
    return TerraformTarget{nullptr, id};
  };
  std::vector<TerraformTarget> out;
  const Json value = known(instance, pointer);
  if (value.is_string() && !value.get<std::string>().empty())
    return {by_id(value.get<std::string>())};
  if (value.is_array() && !value.empty() &&
      std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); })) {
    for (const Json& v : value) out.push_back(by_id(v.get<std::string>()));
    return out;
  }
  const Json* e = expression(instance, pointer);
  if (!e) return out;
  for (const TerraformInstance* i :
       resolve_all(*e, Context{instance.module_path, instance.module_address, instance.index}, 0))
    if (of_type(*i)) out.push_back({i, ""});
  return out;
}

std::string TerraformDocument::provider_region() const {
  const Json* region =
      at_pointer(doc_, "/configuration/provider_config/aws/expressions/region/constant_value");
  // region = var.region: the root variable's value, which the plan records.
  if (const Json* refs =
          at_pointer(doc_, "/configuration/provider_config/aws/expressions/region/references");
      !region && refs && refs->is_array() && refs->size() == 1 && (*refs)[0].is_string()) {
    const std::vector<std::string> parts = split_address((*refs)[0].get<std::string>());
    if (parts.size() == 2 && parts[0] == "var")
      region = at_pointer(doc_, "/variables/" + parts[1] + "/value");
  }
  return region && region->is_string() ? region->get<std::string>() : "";
}

}  // namespace albsim
